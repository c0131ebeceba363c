import type { ComplaintCategory, ComplaintEventType, ComplaintPriority, ComplaintState, ComplaintStatus } from '../domain/complaint';
import { individualReadsTextOf } from '../domain/complaint';
import { complaintSla, type ComplaintSlaPolicy, type SlaTimerState } from '../domain/complaint-sla';
import type { ComplaintEventEntity } from '../infrastructure/complaint-event.entity';
import type { ComplaintEntity } from '../infrastructure/complaint.entity';

/** What a complaint is about besides its text: ids of the individual's own consent or provision, and a recipient. */
export interface ComplaintRelated {
  consentId: string | null;
  provisionId: string | null;
  recipientId: string | null;
}

/** A complaint as the individual who filed it sees it in their list. */
export interface MyComplaintSummary {
  id: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  escalated: boolean;
  filedAt: string;
  updatedAt: string;
  closedAt: string | null;
  related: ComplaintRelated;
}

/** One step of the thread as the individual sees it: theirs or the desk's (never which desk member). */
export interface MyComplaintMessage {
  type: ComplaintEventType;
  by: 'you' | 'desk';
  at: string;
  /** The text; null for a step without one, or when the individual's data was erased. */
  text: string | null;
}

/** A complaint and its thread, for the individual who filed it. */
export interface MyComplaintThread extends MyComplaintSummary {
  messages: MyComplaintMessage[];
}

/** A service-level timer as the desk and the board read it. */
export interface SlaTimerView {
  dueAt: string;
  state: SlaTimerState;
}

/** A complaint in the desk's queue and the board's list: no text, no individual's details. */
export interface DeskComplaintSummary {
  id: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  priority: ComplaintPriority | null;
  escalated: boolean;
  escalatedAt: string | null;
  filedAt: string;
  updatedAt: string;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  related: ComplaintRelated;
  sla: { firstReply: SlaTimerView; resolution: SlaTimerView };
}

/** One step as the desk and the board see it: who took it (the individual, or which desk member) and when. */
export interface DeskComplaintEvent {
  sequence: number;
  type: ComplaintEventType;
  actor: { type: 'individual' | 'staff'; id: string };
  at: string;
  category: ComplaintCategory | null;
  priority: ComplaintPriority | null;
  text: string | null;
}

/** A complaint and its whole thread, for the desk (and the board once escalated). */
export interface DeskComplaintThread extends DeskComplaintSummary {
  events: DeskComplaintEvent[];
}

/** The state the domain rules work on, read from the complaint's row. */
export function stateOf(row: ComplaintEntity): ComplaintState {
  return {
    status: row.status,
    category: row.category,
    priority: row.priority,
    escalated: row.escalatedAt !== null,
    filedAt: row.filedAt,
    firstAnsweredAt: row.firstAnsweredAt,
    closedAt: row.closedAt,
  };
}

export function mySummary(row: ComplaintEntity): MyComplaintSummary {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    escalated: row.escalatedAt !== null,
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: iso(row.closedAt),
    related: related(row),
  };
}

export function myThread(
  row: ComplaintEntity,
  events: readonly ComplaintEventEntity[],
  texts: readonly (string | null)[],
): MyComplaintThread {
  return {
    ...mySummary(row),
    messages: events
      .map((event, index) => ({
        type: event.type,
        by: event.actorType === 'individual' ? ('you' as const) : ('desk' as const),
        at: event.occurredAt.toISOString(),
        text: individualReadsTextOf(event.type) ? texts[index] : null,
      }))
      // Triage is the desk's own bookkeeping; the individual sees that the desk escalated, not its note.
      .filter((message) => message.type !== 'triaged'),
  };
}

export function deskSummary(row: ComplaintEntity, policy: ComplaintSlaPolicy, now: Date): DeskComplaintSummary {
  const sla = complaintSla(stateOf(row), policy, now);
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    priority: row.priority,
    escalated: row.escalatedAt !== null,
    escalatedAt: iso(row.escalatedAt),
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstAnsweredAt: iso(row.firstAnsweredAt),
    closedAt: iso(row.closedAt),
    related: related(row),
    sla: {
      firstReply: { dueAt: sla.firstReply.dueAt.toISOString(), state: sla.firstReply.state },
      resolution: { dueAt: sla.resolution.dueAt.toISOString(), state: sla.resolution.state },
    },
  };
}

export function deskThread(
  row: ComplaintEntity,
  events: readonly ComplaintEventEntity[],
  texts: readonly (string | null)[],
  policy: ComplaintSlaPolicy,
  now: Date,
): DeskComplaintThread {
  return {
    ...deskSummary(row, policy, now),
    events: events.map((event, index) => ({
      sequence: event.sequence,
      type: event.type,
      actor: { type: event.actorType, id: event.actorId },
      at: event.occurredAt.toISOString(),
      category: event.category,
      priority: event.priority,
      text: texts[index],
    })),
  };
}

function related(row: ComplaintEntity): ComplaintRelated {
  return { consentId: row.relatedConsentId, provisionId: row.relatedProvisionId, recipientId: row.relatedRecipientId };
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
