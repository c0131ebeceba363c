import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext, requireBoardMember } from '@infobank/platform';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import type { StopUseOrderEntity } from '../infrastructure/stop-use-order.entity';
import { toStopUseOrderView, type StopUseOrderView } from './stop-use-order-view';

/** The statuses an order list can be filtered by. */
export const ORDER_STATUSES = ['proposed', 'effective', 'lifted'] as const;

/** Most orders one list returns (newest first). */
const MAX_LISTED_ORDERS = 200;

/** A listed order, with the offers it suspends now (an effective order's; none once proposed only or lifted). */
export interface ListedStopUseOrder extends StopUseOrderView {
  suspendedOfferIds: string[];
}

/** The board's stop-use orders, newest first, optionally of one status, each with what it suspends now. */
@Injectable()
export class ListStopUseOrdersUseCase {
  constructor(private readonly orders: StopUseOrderStore) {}

  async execute(ctx: RequestContext, filter: { status?: string } = {}): Promise<ListedStopUseOrder[]> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    const status = filter.status;
    if (status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)) {
      throw new ValidationFailedError([{ path: '/status', message: `must be one of ${ORDER_STATUSES.join(', ')}` }]);
    }
    const rows = await this.orders.list(ctx, status as StopUseOrderEntity['status'] | undefined, MAX_LISTED_ORDERS);
    const effective = rows.filter((row) => row.status === 'effective').map((row) => row.id);
    const suspended = await this.orders.suspendedOffersOf(ctx, effective);
    return rows.map((row) => ({ ...toStopUseOrderView(row), suspendedOfferIds: suspended.get(row.id) ?? [] }));
  }
}
