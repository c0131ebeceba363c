import { Injectable } from '@nestjs/common';
import { SetOffersSuspendedUseCase } from '@infobank/offers';
import { enqueueJob, inTransaction, withTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { decideOrder, orderCovers, type StopUseOrderCommand, type StopUseOrderRefusal } from '../domain/stop-use-order';
import { lockOrdersExclusively } from '../infrastructure/order-lock';
import { effectiveOrderTargets, loadStopUseOrder, storeOrderEvents } from '../infrastructure/stop-use-order.repository';
import { StopUseOrderOfferEntity } from '../infrastructure/stop-use-order-offer.entity';
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
    private readonly dataSource: DataSource,
    private readonly setOffersSuspended: SetOffersSuspendedUseCase,
  ) {}

  async run(
    ctx: RequestContext,
    orderId: string,
    command: (memberId: string, now: Date) => StopUseOrderCommand,
  ): Promise<StopUseOrderView> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const member = await actingMember(ctx, manager);
      const { row, state } = await loadStopUseOrder(manager, orderId, { lock: true });
      const decision = decideOrder(command(member.id, new Date()), state);
      if (decision.outcome === 'refused') throw refusalError(decision.reason, row.id, state.status);
      await storeOrderEvents(manager, row.id, decision.events);
      const target = { type: row.targetType, id: row.targetId };
      const inTx = withTransaction(ctx, manager);
      for (const event of decision.events) {
        if (event.type === 'order_confirmed') {
          await lockOrdersExclusively(manager);
          const { offerIds } = await this.setOffersSuspended.execute(inTx, { target, suspended: true });
          // Kept for propagation: the worker stops work in flight and notifies recipients of these offers' data.
          if (offerIds.length > 0) {
            await manager
              .createQueryBuilder()
              .insert()
              .into(StopUseOrderOfferEntity)
              .values(offerIds.map((offerId) => ({ orderId: row.id, offerId })))
              .orIgnore()
              .execute();
          }
          await enqueueJob({ ...ctx, transaction: manager }, STOP_USE_ORDER_EFFECTIVE_JOB, { orderId: row.id });
        } else if (event.type === 'order_lifted') {
          await lockOrdersExclusively(manager);
          const others = await effectiveOrderTargets(manager, row.id);
          await this.setOffersSuspended.execute(inTx, {
            target,
            suspended: false,
            stillSuspended: (offer) => others.some((other) => orderCovers(other, offer)),
          });
        }
      }
      return toStopUseOrderView((await loadStopUseOrder(manager, row.id)).row);
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
