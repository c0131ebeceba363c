import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase } from '@infobank/provision';
import { DataSource } from 'typeorm';
import { NoticeIssuer } from './notice-issuer';

/**
 * An individual erased deposited data (the `data.erased` job): every recipient that received their data
 * gets a `data_erased` notice, once per erasure. Provisions already noticed as erased are not repeated.
 */
@Injectable()
export class PropagateErasureUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string; erasureId: string }, now: Date = new Date()): Promise<string[]> {
    return inTransaction(ctx, this.dataSource, async (manager) =>
      this.issuer.issue(manager, {
        kind: 'data_erased',
        sourceKey: `erasure:${command.erasureId}`,
        provisions: await this.provisions.byIndividual({ ...ctx, transaction: manager }, command.individualId),
        now,
        correlationId: ctx.correlationId,
      }),
    );
  }
}
