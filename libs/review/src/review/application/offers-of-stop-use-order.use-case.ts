import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { StopUseOrderOfferEntity } from '../infrastructure/stop-use-order-offer.entity';
import { StopUseOrderEntity } from '../infrastructure/stop-use-order.entity';

/** An order as withdrawal propagation reads it: whether it took effect, and the offers it suspended then. */
export interface StopUseOrderOffers {
  orderId: string;
  status: 'proposed' | 'effective' | 'lifted';
  /** Sorted; empty until the order takes effect (or when every covered offer was already suspended). */
  offerIds: string[];
}

/** The offers a stop-use order suspended when it took effect (system callers: the worker); null for an unknown order. */
@Injectable()
export class OffersOfStopUseOrderUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, orderId: string): Promise<StopUseOrderOffers | null> {
    const manager = ctx.transaction ?? this.dataSource.manager;
    const order = await manager.findOne(StopUseOrderEntity, { where: { id: orderId }, select: { id: true, status: true } });
    if (order === null) return null;
    const rows = await manager.find(StopUseOrderOfferEntity, { where: { orderId }, order: { offerId: 'ASC' } });
    return { orderId, status: order.status, offerIds: rows.map((row) => row.offerId) };
  }
}
