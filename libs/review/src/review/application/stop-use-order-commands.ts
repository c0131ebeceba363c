import { Injectable } from '@nestjs/common';
import { SetOffersSuspendedUseCase } from '@infobank/offers';
import { enqueueJob, Transactions, type RequestContext } from '@infobank/platform';
import { decideOrder, orderCovers, type StopUseOrderCommand, type StopUseOrderRefusal } from '../domain/stop-use-order';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';
import { SecondMemberRequiredError, StopUseOrderStateError } from '../../review.errors';
import { STOP_USE_ORDER_EFFECTIVE_JOB } from '../../review.jobs';
import { actingMember } from './acting-member';
import { toStopUseOrderView, type StopUseOrderView } from './stop-use-order-view';

/**
 * Runs a member's step on an existing order in one transaction: locks it, decides by the two-member
 * rule, stores the step, and applies the order to the offers the moment it takes effect or is lifted
 * (a lifted order restores only offers no other effective order covers). Taking effect records the offers it
 * suspended and writes STOP_USE_ORDER_EFFECTIVE_JOB to the outbox.
 */
@Injectable()
export class StopUseOrderCommands {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: BoardMemberStore,
    private readonly orders: StopUseOrderStore,
    private readonly setOffersSuspended: SetOffersSuspendedUseCase,
  ) {}

  async run(
    ctx: RequestContext,
    orderId: string,
    command: (memberId: string, now: Date) => StopUseOrderCommand,
  ): Promise<StopUseOrderView> {
    return this.transactions.run(ctx, async (tx) => {
      const member = await actingMember(tx, this.members);
      const { row, state } = await this.orders.load(tx, orderId, { lock: true });
      const decision = decideOrder(command(member.id, tx.now()), state);
      if (decision.outcome === 'refused') throw refusalError(decision.reason, row.id, state.status);
      await this.orders.storeEvents(tx, row.id, decision.events);
      const target = { type: row.targetType, id: row.targetId };
      for (const event of decision.events) {
        if (event.type === 'order_confirmed') {
          await this.orders.lockExclusively(tx);
          const { offerIds } = await this.setOffersSuspended.execute(tx, { target, suspended: true });
          // Kept for propagation: the worker stops work in flight and notifies recipients of these offers' data.
          await this.orders.recordSuspendedOffers(tx, row.id, offerIds);
          await enqueueJob(tx, STOP_USE_ORDER_EFFECTIVE_JOB, { orderId: row.id });
        } else if (event.type === 'order_lifted') {
          await this.orders.lockExclusively(tx);
          const others = await this.orders.effectiveTargets(tx, row.id);
          await this.setOffersSuspended.execute(tx, {
            target,
            suspended: false,
            stillSuspended: (offer) => others.some((other) => orderCovers(other, offer)),
          });
        }
      }
      return toStopUseOrderView((await this.orders.load(tx, row.id)).row);
    });
  }
}

function refusalError(reason: StopUseOrderRefusal, orderId: string, status: string): Error {
  switch (reason) {
    case 'same_member':
      return new SecondMemberRequiredError(orderId);
    case 'not_proposed':
    case 'already_issued':
      return new StopUseOrderStateError('STOP_USE_ORDER_NOT_PROPOSED', orderId, status);
    case 'not_effective':
      return new StopUseOrderStateError('STOP_USE_ORDER_NOT_EFFECTIVE', orderId, status);
  }
}
