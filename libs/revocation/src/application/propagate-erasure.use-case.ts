import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, RepackageAfterErasureUseCase } from '@infobank/provision';
import { DataSource } from 'typeorm';
import { NoticeIssuer } from './notice-issuer';

/**
 * An individual erased deposited data (the `data.erased` job): parts built before the erasure that still hold
 * them are rebuilt without the erased records, and every recipient that received their data gets a
 * `data_erased` notice, once per erasure. Provisions already noticed as erased are not repeated.
 */
@Injectable()
export class PropagateErasureUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
    private readonly repackage: RepackageAfterErasureUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string; erasureId: string }, now: Date = new Date()): Promise<string[]> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      await this.repackage.execute({ ...ctx, transaction: manager }, { individualId: command.individualId }, now);
      return this.issuer.issue(manager, {
        kind: 'data_erased',
        sourceKey: `erasure:${command.erasureId}`,
        provisions: await this.provisions.byIndividual({ ...ctx, transaction: manager }, command.individualId),
        now,
        correlationId: ctx.correlationId,
      });
    });
  }
}
