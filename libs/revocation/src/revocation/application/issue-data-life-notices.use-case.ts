import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, type DataLifeCursor, type ProvisionForNotice } from '@infobank/provision';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';
import { NoticeIssuer } from './notice-issuer';

/** Provisions read per page while looking for ended data lives. */
const PAGE = 5_000;

/** Most newly ended provisions one run notices (the next run, ten minutes later, takes the rest). */
export const DATA_LIFE_BATCH = 200_000;

/**
 * The scheduled data-life run (every 10 minutes): provisions whose data life (provided_at +
 * data_life_days) has ended by `ctx.now()` and that were not yet noticed as such give each recipient holding
 * them one `data_life_ended` notice for this run.
 */
@Injectable()
export class IssueDataLifeNoticesUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly notices: WithdrawalNoticeStore,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
  ) {}

  async execute(ctx: RequestContext): Promise<string[]> {
    const now = ctx.now();
    return this.transactions.run(ctx, async (txCtx) => {
      const due: ProvisionForNotice[] = [];
      let after: DataLifeCursor | null = null;
      do {
        const page = await this.provisions.dataLifeDue(txCtx, { now, after, limit: PAGE });
        due.push(...(await this.notYetNoticed(txCtx, page.provisions)));
        after = page.next;
      } while (after !== null && due.length < DATA_LIFE_BATCH);
      if (due.length === 0) return [];
      return this.issuer.issue(txCtx, {
        kind: 'data_life_ended',
        sourceKey: `data-life:${now.toISOString()}`,
        provisions: due,
      });
    });
  }

  /** Drops provisions already noticed for their data-life end (the unique index would skip them anyway). */
  private async notYetNoticed(tx: TransactionalContext, provisions: readonly ProvisionForNotice[]): Promise<ProvisionForNotice[]> {
    if (provisions.length === 0) return [];
    const skip = await this.notices.noticedAsDataLifeEnded(
      tx,
      provisions.map((provision) => provision.provisionId),
    );
    return provisions.filter((provision) => !skip.has(provision.provisionId));
  }
}
