import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';

/** Most notices one run marks overdue; the schedule comes back a minute later for the rest. */
export const OVERDUE_BATCH_SIZE = 1_000;

/** Open notices past their due time (at `ctx.now()`) become overdue (escalated to the board); returns how many. */
@Injectable()
export class MarkOverdueNoticesUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly notices: WithdrawalNoticeStore,
  ) {}

  async execute(ctx: RequestContext): Promise<number> {
    const now = ctx.now();
    return this.transactions.run(ctx, (tx) => this.notices.markOverdue(tx, now, OVERDUE_BATCH_SIZE));
  }
}
