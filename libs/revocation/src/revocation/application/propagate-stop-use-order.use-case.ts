import { Injectable } from '@nestjs/common';
import { CancelPendingApprovalsUseCase } from '@infobank/consent';
import { Transactions, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, WithdrawFromTransfersUseCase } from '@infobank/provision';
import { OffersOfStopUseOrderUseCase } from '@infobank/review';
import { NoticeIssuer } from './notice-issuer';
import type { Propagation } from './propagation';

/**
 * A stop-use order took effect (the `stop-use-order.effective` job): under the offers it suspended,
 * work in flight is denied (`offer_suspended`) and waiting approval requests cancelled, and every
 * recipient holding data provided under them gets a `stop_use_order` notice. Idempotent. An unknown
 * order, or one that never took effect, does nothing.
 */
@Injectable()
export class PropagateStopUseOrderUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OffersOfStopUseOrderUseCase,
    private readonly withdraw: WithdrawFromTransfersUseCase,
    private readonly cancelApprovals: CancelPendingApprovalsUseCase,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
  ) {}

  async execute(ctx: RequestContext, command: { orderId: string }): Promise<Propagation> {
    const now = ctx.now();
    return this.transactions.run(ctx, async (txCtx) => {
      const order = await this.orders.execute(txCtx, command.orderId);
      // A lifted order still took effect: what recipients received under it must still be deleted.
      if (order === null || order.status === 'proposed' || order.offerIds.length === 0) {
        return { noticeIds: [], deniedSubjects: 0, cancelledApprovals: 0 };
      }
      const withdrawn = await this.withdraw.execute({ ...txCtx, now: () => now }, { offerIds: order.offerIds, reason: 'offer_suspended' });
      const cancelled = await this.cancelApprovals.execute({ ...txCtx, now: () => now }, { offerIds: order.offerIds });
      const noticeIds = await this.issuer.issue(txCtx, {
        kind: 'stop_use_order',
        sourceKey: `order:${command.orderId}`,
        provisions: await this.provisions.byOffers(txCtx, order.offerIds),
      });
      return { noticeIds, deniedSubjects: withdrawn.deniedSubjects, cancelledApprovals: cancelled.length };
    });
  }
}
