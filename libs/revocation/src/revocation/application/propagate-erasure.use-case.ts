import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, RepackageAfterErasureUseCase } from '@infobank/provision';
import { NoticeIssuer } from './notice-issuer';

/**
 * An individual erased deposited data (the `data.erased` job): every recipient that received their data gets
 * a `data_erased` notice, once per erasure; provisions already noticed as erased are not repeated. The
 * erasing transaction already stopped work in flight (EraseMyDataAndStopDeliveryUseCase); a part that still
 * holds them here (built from a snapshot taken before the erasure committed) is made stale and rebuilt from the
 * vault as it now is, and delivery re-checks every record anyway.
 */
@Injectable()
export class PropagateErasureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
    private readonly repackage: RepackageAfterErasureUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string; erasureId: string }): Promise<string[]> {
    const now = ctx.now();
    return this.transactions.run(ctx, async (tx) => {
      await this.repackage.execute({ ...tx, now: () => now }, { individualId: command.individualId });
      return this.issuer.issue(tx, {
        kind: 'data_erased',
        sourceKey: `erasure:${command.erasureId}`,
        provisions: await this.provisions.byIndividual(tx, command.individualId),
      });
    });
  }
}
