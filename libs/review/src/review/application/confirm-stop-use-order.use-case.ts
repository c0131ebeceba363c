import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { StopUseOrderCommands } from './stop-use-order-commands';
import type { StopUseOrderView } from './stop-use-order-view';

/**
 * A second member confirms a proposed order: it takes effect at once and the target's approved
 * offers become `suspended` in the same transaction. SECOND_MEMBER_REQUIRED for the proposer.
 */
@Injectable()
export class ConfirmStopUseOrderUseCase {
  constructor(private readonly orders: StopUseOrderCommands) {}

  execute(ctx: RequestContext, orderId: string): Promise<StopUseOrderView> {
    return this.orders.run(ctx, orderId, (memberId, now) => ({ type: 'confirm', memberId, now }));
  }
}
