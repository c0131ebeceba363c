/**
 * The complaints desk (苦情相談窓口): an individual files a complaint; desk staff triage it, answer it, ask
 * for information, escalate it to the data ethics board and close it with an explanation. Every step is
 * an event; the complaint's state is what its events add up to. Pure: time comes in with each command.
 */

/** What a complaint is about, as the individual chooses it (staff may correct it when triaging). */
export const COMPLAINT_CATEGORIES = ['consent', 'provision', 'recipient', 'data_handling', 'account', 'benefit', 'other'] as const;
/** What a complaint is about. */
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * Where a complaint stands: `open` (filed, not yet taken up), `in_progress` (the desk is on it),
 * `awaiting_information` (the desk asked the individual for more), `closed` (answered with an explanation).
 */
export const COMPLAINT_STATUSES = ['open', 'in_progress', 'awaiting_information', 'closed'] as const;
/** Where a complaint stands. */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** How urgent the desk judged a complaint to be when triaging it. */
export const COMPLAINT_PRIORITIES = ['normal', 'urgent'] as const;
/** How urgent a complaint is. */
export type ComplaintPriority = (typeof COMPLAINT_PRIORITIES)[number];

/** The steps of a complaint's thread, each an append-only event. */
export const COMPLAINT_EVENT_TYPES = [
  'filed',
  'triaged',
  'replied',
  'information_requested',
  'information_provided',
  'escalated',
  'closed',
] as const;
/** One step of a complaint's thread. */
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

/** Who took a step: the individual who filed the complaint, or a member of the desk. */
export type ComplaintParty = 'individual' | 'staff';

/** Longest text of a complaint or of one message in its thread, in characters. */
export const COMPLAINT_TEXT_MAX_LENGTH = 4000;

/** A complaint as its events leave it. */
export interface ComplaintState {
  status: ComplaintStatus;
  category: ComplaintCategory;
  priority: ComplaintPriority | null;
  escalated: boolean;
  filedAt: Date;
  /** When the desk first answered (a reply, a request for information or the closing explanation). */
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
}

/** A step someone asks to take on an existing complaint. */
export type ComplaintCommand =
  | { type: 'triage'; category?: ComplaintCategory; priority: ComplaintPriority; now: Date }
  | { type: 'reply'; now: Date }
  | { type: 'request_information'; now: Date }
  | { type: 'provide_information'; now: Date }
  | { type: 'escalate'; now: Date }
  | { type: 'close'; now: Date };

/** What a step records (its text, when it has one, is stored beside it, encrypted). */
export type ComplaintEvent =
  | { type: 'filed'; category: ComplaintCategory; at: Date }
  | { type: 'triaged'; category: ComplaintCategory; priority: ComplaintPriority; at: Date }
  | { type: 'replied'; at: Date }
  | { type: 'information_requested'; at: Date }
  | { type: 'information_provided'; at: Date }
  | { type: 'escalated'; at: Date }
  | { type: 'closed'; at: Date };

/** Why a step was refused. */
export type ComplaintRefusal =
  'closed' | 'not_yours_to_take' | 'already_escalated' | 'not_awaiting_information' | 'already_awaiting_information' | 'not_open';

/** The outcome of `decide`: the event to record, or why not. */
export type ComplaintDecision = { outcome: 'accepted'; event: ComplaintEvent } | { outcome: 'refused'; reason: ComplaintRefusal };

/** Which party may take each step: the individual only answers a request for information; the rest is the desk's. */
const PARTY_OF: Record<ComplaintCommand['type'], ComplaintParty> = {
  triage: 'staff',
  reply: 'staff',
  request_information: 'staff',
  provide_information: 'individual',
  escalate: 'staff',
  close: 'staff',
};

/** The state of a complaint just filed. */
export function fileComplaint(category: ComplaintCategory, now: Date): { state: ComplaintState; event: ComplaintEvent } {
  const event: ComplaintEvent = { type: 'filed', category, at: now };
  return { state: evolve(undefined, event), event };
}

/** Decides whether `party` may take the step on a complaint in `state`, and what it records. */
export function decide(state: ComplaintState, command: ComplaintCommand, party: ComplaintParty): ComplaintDecision {
  if (PARTY_OF[command.type] !== party) return refused('not_yours_to_take');
  if (state.status === 'closed') return refused('closed');
  const at = command.now;
  switch (command.type) {
    case 'triage':
      if (state.status !== 'open' && state.status !== 'in_progress') return refused('not_open');
      return accepted({ type: 'triaged', category: command.category ?? state.category, priority: command.priority, at });
    case 'reply':
      return accepted({ type: 'replied', at });
    case 'request_information':
      if (state.status === 'awaiting_information') return refused('already_awaiting_information');
      return accepted({ type: 'information_requested', at });
    case 'provide_information':
      if (state.status !== 'awaiting_information') return refused('not_awaiting_information');
      return accepted({ type: 'information_provided', at });
    case 'escalate':
      if (state.escalated) return refused('already_escalated');
      return accepted({ type: 'escalated', at });
    case 'close':
      return accepted({ type: 'closed', at });
  }
}

/** The state after `event` (the first event, `filed`, starts from nothing). */
export function evolve(state: ComplaintState | undefined, event: ComplaintEvent): ComplaintState {
  if (event.type === 'filed') {
    return {
      status: 'open',
      category: event.category,
      priority: null,
      escalated: false,
      filedAt: event.at,
      firstAnsweredAt: null,
      closedAt: null,
    };
  }
  if (state === undefined) throw new Error(`A complaint's first event is filed, not ${event.type}.`);
  const answered = { ...state, firstAnsweredAt: state.firstAnsweredAt ?? event.at };
  switch (event.type) {
    case 'triaged':
      return { ...state, status: 'in_progress', category: event.category, priority: event.priority };
    case 'replied':
      // A reply while the desk waits for information keeps waiting; otherwise the desk is on it.
      return { ...answered, status: state.status === 'awaiting_information' ? 'awaiting_information' : 'in_progress' };
    case 'information_requested':
      return { ...answered, status: 'awaiting_information' };
    case 'information_provided':
      return { ...state, status: 'in_progress' };
    case 'escalated':
      return { ...state, escalated: true, status: state.status === 'open' ? 'in_progress' : state.status };
    case 'closed':
      return { ...answered, status: 'closed', closedAt: event.at };
  }
}

/** True for the steps that answer the individual, of which they are notified (`complaint_answered`). */
export function answersTheIndividual(type: ComplaintEventType): boolean {
  return type === 'replied' || type === 'information_requested' || type === 'closed';
}

/** True for the steps whose text the individual reads in their thread (triage and escalation notes are the bank's). */
export function individualReadsTextOf(type: ComplaintEventType): boolean {
  return type !== 'triaged' && type !== 'escalated';
}

/** Whether a step must, may or must not carry a text. */
export function textRuleOf(type: ComplaintEventType): 'required' | 'optional' | 'none' {
  if (type === 'triaged') return 'none';
  if (type === 'escalated') return 'optional';
  return 'required';
}

function accepted(event: ComplaintEvent): ComplaintDecision {
  return { outcome: 'accepted', event };
}

function refused(reason: ComplaintRefusal): ComplaintDecision {
  return { outcome: 'refused', reason };
}
