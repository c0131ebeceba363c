import type { OrderStep, OrderTarget } from '../domain/stop-use-order';
import type { StopUseOrderEntity } from '../infrastructure/stop-use-order.entity';
import { orderState } from '../infrastructure/stop-use-order.repository';

/** One member's step in an order, as the board reads it. */
export interface OrderStepView {
  memberId: string;
  at: string;
}

/** A stop-use order as the board reads it: target, reason, status and who took each step when. */
export interface StopUseOrderView {
  id: string;
  target: OrderTarget;
  reason: string;
  status: 'proposed' | 'effective' | 'lifted';
  proposed: OrderStepView;
  confirmed: OrderStepView | null;
  liftRequested: (OrderStepView & { reason: string }) | null;
  lifted: OrderStepView | null;
}

/** The view of a stored order. */
export function toStopUseOrderView(row: StopUseOrderEntity): StopUseOrderView {
  const state = orderState(row);
  const step = (taken: OrderStep | null | undefined) => (taken ? { memberId: taken.memberId, at: taken.at.toISOString() } : null);
  const liftRequested = state.status === 'proposed' ? null : state.liftRequested;
  return {
    id: state.orderId,
    target: { ...state.target },
    reason: state.reason,
    status: state.status,
    proposed: { memberId: state.proposed.memberId, at: state.proposed.at.toISOString() },
    confirmed: step(state.status === 'proposed' ? null : state.confirmed),
    liftRequested:
      liftRequested === null
        ? null
        : { memberId: liftRequested.memberId, at: liftRequested.at.toISOString(), reason: liftRequested.reason },
    lifted: step(state.status === 'lifted' ? state.lifted : null),
  };
}
