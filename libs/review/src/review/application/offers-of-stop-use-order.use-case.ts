import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';

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
  constructor(private readonly orders: StopUseOrderStore) {}

  async execute(ctx: RequestContext, orderId: string): Promise<StopUseOrderOffers | null> {
    const order = await this.orders.offersOf(ctx, orderId);
    return order === null ? null : { orderId, ...order };
  }
}
