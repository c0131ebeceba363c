import { isUuid } from '@infobank/catalog';
import { Not, type EntityManager } from 'typeorm';
import type { OrderTarget, StopUseOrderEvent, StopUseOrderState } from '../domain/stop-use-order';
import { StopUseOrderNotFoundError } from '../../review.errors';
import { StopUseOrderEntity } from './stop-use-order.entity';

/** A stored order: its row and the state the rules work on. */
export interface StoredStopUseOrder {
  row: StopUseOrderEntity;
  state: Exclude<StopUseOrderState, { status: 'not_issued' }>;
}

/** Loads an order; with `lock` its row stays locked until the transaction ends. */
export async function loadStopUseOrder(
  manager: EntityManager,
  orderId: unknown,
  options: { lock?: boolean } = {},
): Promise<StoredStopUseOrder> {
  if (!isUuid(orderId)) throw new StopUseOrderNotFoundError(String(orderId));
  const row = await manager.findOne(StopUseOrderEntity, {
    where: { id: orderId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (row === null) throw new StopUseOrderNotFoundError(orderId);
  return { row, state: orderState(row) };
}

/** The rules' view of a stored order. */
export function orderState(row: StopUseOrderEntity): StoredStopUseOrder['state'] {
  const facts = {
    orderId: row.id,
    target: { type: row.targetType, id: row.targetId },
    reason: row.reason,
    proposed: { memberId: row.proposedBy, at: row.proposedAt },
  };
  const step = (memberId: string | null, at: Date | null) => (memberId === null || at === null ? null : { memberId, at });
  const confirmed = step(row.confirmedBy, row.confirmedAt);
  const liftStep = step(row.liftRequestedBy, row.liftRequestedAt);
  const liftRequested = liftStep === null ? null : { ...liftStep, reason: row.liftReason ?? '' };
  const lifted = step(row.liftedBy, row.liftedAt);
  if (confirmed === null) return { status: 'proposed', ...facts };
  if (lifted === null || liftRequested === null) return { status: 'effective', ...facts, confirmed, liftRequested };
  return { status: 'lifted', ...facts, confirmed, liftRequested, lifted };
}

/** Writes an order's events to its row (inserting it when it is proposed). */
export async function storeOrderEvents(manager: EntityManager, orderId: string, events: readonly StopUseOrderEvent[]): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'order_proposed':
        await manager.insert(StopUseOrderEntity, {
          id: event.orderId,
          targetType: event.target.type,
          targetId: event.target.id,
          reason: event.reason,
          status: 'proposed',
          proposedBy: event.by,
          proposedAt: event.at,
        });
        break;
      case 'order_confirmed':
        await manager.update(StopUseOrderEntity, { id: orderId }, { status: 'effective', confirmedBy: event.by, confirmedAt: event.at });
        break;
      case 'lift_requested':
        await manager.update(
          StopUseOrderEntity,
          { id: orderId },
          { liftRequestedBy: event.by, liftRequestedAt: event.at, liftReason: event.reason },
        );
        break;
      case 'order_lifted':
        await manager.update(StopUseOrderEntity, { id: orderId }, { status: 'lifted', liftedBy: event.by, liftedAt: event.at });
        break;
    }
  }
}

/** The targets of every effective stop-use order (but `exceptOrderId`): what keeps offers suspended. */
export async function effectiveOrderTargets(manager: EntityManager, exceptOrderId?: string): Promise<OrderTarget[]> {
  const orders = await manager.find(StopUseOrderEntity, {
    where: exceptOrderId === undefined ? { status: 'effective' } : { status: 'effective', id: Not(exceptOrderId) },
  });
  return orders.map((order) => ({ type: order.targetType, id: order.targetId }));
}
