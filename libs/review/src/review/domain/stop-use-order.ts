/** What a stop-use order (利用停止) halts: all offers of a recipient, one offer, or every offer asking for a data category. */
export type OrderTargetType = 'recipient' | 'offer' | 'category';

/** Every kind of order target. */
export const ORDER_TARGET_TYPES: readonly OrderTargetType[] = ['recipient', 'offer', 'category'];

/** The target of a stop-use order: an organisation id, an offer id, or a category code. */
export interface OrderTarget {
  type: OrderTargetType;
  id: string;
}

/** What a stop-use order needs to know about an offer to tell whether it covers it. */
export interface OfferInScope {
  id: string;
  recipientId: string;
  items: readonly { categoryId: string }[];
}

/** True when an order on `target` covers `offer`. */
export function orderCovers(target: OrderTarget, offer: OfferInScope): boolean {
  switch (target.type) {
    case 'recipient':
      return offer.recipientId === target.id;
    case 'offer':
      return offer.id === target.id;
    case 'category':
      return offer.items.some((item) => item.categoryId === target.id);
  }
}

/** One member's step in an order's life. */
export interface OrderStep {
  memberId: string;
  at: Date;
}

interface OrderFacts {
  orderId: string;
  target: OrderTarget;
  reason: string;
  proposed: OrderStep;
}

/**
 * A stop-use order. Two distinct members make it effective (one proposes, another confirms) and two
 * distinct members lift it (one asks, another confirms).
 */
export type StopUseOrderState =
  | { status: 'not_issued' }
  | ({ status: 'proposed' } & OrderFacts)
  | ({ status: 'effective'; confirmed: OrderStep; liftRequested: (OrderStep & { reason: string }) | null } & OrderFacts)
  | ({ status: 'lifted'; confirmed: OrderStep; liftRequested: OrderStep & { reason: string }; lifted: OrderStep } & OrderFacts);

/** What happened to an order. */
export type StopUseOrderEvent =
  | { type: 'order_proposed'; orderId: string; target: OrderTarget; reason: string; by: string; at: Date }
  | { type: 'order_confirmed'; by: string; at: Date }
  | { type: 'lift_requested'; by: string; reason: string; at: Date }
  | { type: 'order_lifted'; by: string; at: Date };

/** What members ask of an order. Time is passed in. */
export type StopUseOrderCommand =
  | { type: 'propose'; orderId: string; target: OrderTarget; reason: string; memberId: string; now: Date }
  | { type: 'confirm'; memberId: string; now: Date }
  | { type: 'lift'; memberId: string; reason: string; now: Date };

/** Why a command is refused; nothing changes. */
export type StopUseOrderRefusal = 'already_issued' | 'not_proposed' | 'not_effective' | 'same_member';

/** The events a command produces, or why it is refused. */
export type StopUseOrderDecision =
  { outcome: 'accepted'; events: StopUseOrderEvent[] } | { outcome: 'refused'; reason: StopUseOrderRefusal };

/** Decides a member's command against an order's state. */
export function decideOrder(command: StopUseOrderCommand, state: StopUseOrderState): StopUseOrderDecision {
  switch (command.type) {
    case 'propose': {
      if (state.status !== 'not_issued') return refuse('already_issued');
      const { orderId, target, reason, memberId, now } = command;
      return accept({ type: 'order_proposed', orderId, target, reason, by: memberId, at: now });
    }
    case 'confirm':
      if (state.status !== 'proposed') return refuse('not_proposed');
      if (state.proposed.memberId === command.memberId) return refuse('same_member');
      return accept({ type: 'order_confirmed', by: command.memberId, at: command.now });
    case 'lift':
      if (state.status !== 'effective') return refuse('not_effective');
      if (state.liftRequested === null)
        return accept({ type: 'lift_requested', by: command.memberId, reason: command.reason, at: command.now });
      if (state.liftRequested.memberId === command.memberId) return refuse('same_member');
      return accept({ type: 'order_lifted', by: command.memberId, at: command.now });
  }
}

/** Applies one event to an order's state. */
export function evolveOrder(state: StopUseOrderState, event: StopUseOrderEvent): StopUseOrderState {
  switch (event.type) {
    case 'order_proposed':
      return { status: 'proposed', orderId: event.orderId, target: event.target, reason: event.reason, proposed: step(event) };
    case 'order_confirmed':
      return state.status === 'proposed' ? { ...state, status: 'effective', confirmed: step(event), liftRequested: null } : state;
    case 'lift_requested':
      return state.status === 'effective' ? { ...state, liftRequested: { ...step(event), reason: event.reason } } : state;
    case 'order_lifted':
      return state.status === 'effective' && state.liftRequested !== null
        ? { ...state, status: 'lifted', liftRequested: state.liftRequested, lifted: step(event) }
        : state;
  }
}

function step(event: { by: string; at: Date }): OrderStep {
  return { memberId: event.by, at: event.at };
}

function accept(event: StopUseOrderEvent): StopUseOrderDecision {
  return { outcome: 'accepted', events: [event] };
}

function refuse(reason: StopUseOrderRefusal): StopUseOrderDecision {
  return { outcome: 'refused', reason };
}
