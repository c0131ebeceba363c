import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { OrderTarget, StopUseOrderEvent } from '../domain/stop-use-order';
import { lockOrdersExclusively, lockOrdersShared } from './order-lock';
import { StopUseOrderOfferEntity } from './stop-use-order-offer.entity';
import { StopUseOrderEntity } from './stop-use-order.entity';
import { effectiveOrderTargets, loadStopUseOrder, storeOrderEvents, type StoredStopUseOrder } from './stop-use-order.repository';

/** stop_use_orders and the offers each suspended, with the lock on which orders are effective. */
@Injectable()
export class StopUseOrderStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Loads an order; with `lock` (in a transaction) its row stays locked until the transaction ends. */
  load(ctx: RequestContext, orderId: unknown, options: { lock?: boolean } = {}): Promise<StoredStopUseOrder> {
    return loadStopUseOrder(this.manager(ctx), orderId, options);
  }

  /** Writes an order's events to its row (inserting it when it is proposed). */
  storeEvents(tx: TransactionalContext, orderId: string, events: readonly StopUseOrderEvent[]): Promise<void> {
    return storeOrderEvents(tx.transaction, orderId, events);
  }

  /** Holds the orders lock exclusively until the transaction ends (orders taking effect or lifting). */
  lockExclusively(tx: TransactionalContext): Promise<void> {
    return lockOrdersExclusively(tx.transaction);
  }

  /** Holds the orders lock shared until the transaction ends (deciding a case against the effective orders). */
  lockShared(tx: TransactionalContext): Promise<void> {
    return lockOrdersShared(tx.transaction);
  }

  /** The targets of every effective order (but `exceptOrderId`). */
  effectiveTargets(tx: TransactionalContext, exceptOrderId?: string): Promise<OrderTarget[]> {
    return effectiveOrderTargets(tx.transaction, exceptOrderId);
  }

  /** Keeps the offers an order suspended when it took effect. */
  async recordSuspendedOffers(tx: TransactionalContext, orderId: string, offerIds: readonly string[]): Promise<void> {
    if (offerIds.length === 0) return;
    await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(StopUseOrderOfferEntity)
      .values(offerIds.map((offerId) => ({ orderId, offerId })))
      .orIgnore()
      .execute();
  }

  /** The order's status and the offers it suspended (sorted); null for an unknown order. */
  async offersOf(ctx: RequestContext, orderId: string): Promise<{ status: StopUseOrderEntity['status']; offerIds: string[] } | null> {
    const manager = this.manager(ctx);
    const order = await manager.findOne(StopUseOrderEntity, { where: { id: orderId }, select: { id: true, status: true } });
    if (order === null) return null;
    const rows = await manager.find(StopUseOrderOfferEntity, { where: { orderId }, order: { offerId: 'ASC' } });
    return { status: order.status, offerIds: rows.map((row) => row.offerId) };
  }

  /** The offers each of these orders suspended when it took effect, by order id (orders that suspended nothing are absent). */
  async suspendedOffersOf(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, string[]>> {
    const byOrder = new Map<string, string[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = await this.manager(ctx).find(StopUseOrderOfferEntity, {
      where: { orderId: In([...orderIds]) },
      order: { offerId: 'ASC' },
    });
    for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.offerId]);
    return byOrder;
  }

  /** Up to `take` orders, newest first, optionally of one status. */
  list(ctx: RequestContext, status: StopUseOrderEntity['status'] | undefined, take: number): Promise<StopUseOrderEntity[]> {
    return this.manager(ctx).find(StopUseOrderEntity, {
      where: status === undefined ? {} : { status },
      order: { proposedAt: 'DESC', id: 'ASC' },
      take,
    });
  }

  /** Up to `take` orders on the recipient, on one of these offers or on one of these categories, newest first. */
  concerning(
    ctx: RequestContext,
    targets: { recipientId: string; offerIds: readonly string[]; categories: readonly string[] },
    take: number,
  ): Promise<StopUseOrderEntity[]> {
    const { recipientId, offerIds, categories } = targets;
    return this.manager(ctx)
      .createQueryBuilder(StopUseOrderEntity, 'o')
      .where(
        new Brackets((where) =>
          where
            .where(`o.targetType = 'recipient' AND o.targetId = :recipientId`, { recipientId })
            .orWhere(`o.targetType = 'offer' AND o.targetId IN (:...offerIds)`, { offerIds })
            .orWhere(categories.length === 0 ? 'false' : `o.targetType = 'category' AND o.targetId IN (:...categories)`, { categories }),
        ),
      )
      .orderBy('o.proposedAt', 'DESC')
      .take(take)
      .getMany();
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
