import { transferStatusFromCounts, type DenialReason, type TransferCounts, type TransferStatus } from './transfer-status';

export type { TransferCounts } from './transfer-status';

// The transfer lifecycle (docs/architecture.md §5) as pure deciders: a transfer, each of its parts and each of its subjects.
// `decide(command, state)` says which events a command yields or why it is refused; `evolve(state, event)`
// applies one event. Time is passed in (`now`), never read. The repository stores what `evolve` leaves.

/** The result of deciding a command: the events to store, or why nothing changes. */
export type Decision<Event, Refusal> = { outcome: 'accepted'; events: Event[] } | { outcome: 'refused'; reason: Refusal };

function accept<Event>(...events: Event[]): { outcome: 'accepted'; events: Event[] } {
  return { outcome: 'accepted', events };
}

function refuse<Refusal>(reason: Refusal): { outcome: 'refused'; reason: Refusal } {
  return { outcome: 'refused', reason };
}

// ---------------------------------------------------------------------------------------------------------
// Subjects: `pending → ready → delivered`, `awaiting_approval → pending`, `ready → pending` (stale part),
// `pending | ready → expired` (part expired), anything in flight `→ denied(reason)`.

/** One individual in a transfer; illegal combinations (a ready subject without a part) cannot be written down. */
export type SubjectState =
  | { status: 'none' }
  | { status: 'pending'; part: number | null }
  | { status: 'awaiting_approval'; approvalRequestId: string }
  | { status: 'ready'; part: number }
  | { status: 'delivered'; part: number }
  | { status: 'denied'; reason: DenialReason }
  | { status: 'expired'; part: number | null };

/** What can be asked of a subject. */
export type SubjectCommand =
  /** Admission (or an approved ask-mode request): the subject waits to be packaged. */
  | { type: 'admit' }
  /** Admission of an ask-mode subject: it waits for the individual's answer. */
  | { type: 'await_approval'; approvalRequestId: string }
  /** The builder put the subject's records into a part. */
  | { type: 'package'; part: number }
  /** The part holding the subject was downloaded after the delivery re-check. */
  | { type: 'deliver' }
  /** The part holding the subject must be rebuilt: back to pending under the same part number. */
  | { type: 'make_stale' }
  /** The part holding the subject expired undownloaded (its fetch-limit reservation is released). */
  | { type: 'expire' }
  /** Work in flight stops (revocation, stop-use order, erasure, account closure). */
  | { type: 'withdraw'; reason: DenialReason }
  /** The subject may not be provided (admission, packaging or delivery re-check, or the individual's answer). */
  | { type: 'deny'; reason: DenialReason };

/** What happened to a subject. */
export type SubjectEvent =
  | { type: 'subject_admitted' }
  | { type: 'subject_awaiting_approval'; approvalRequestId: string }
  | { type: 'subject_packaged'; part: number }
  | { type: 'subject_delivered' }
  | { type: 'subject_made_stale' }
  | { type: 'subject_expired' }
  | { type: 'subject_denied'; reason: DenialReason };

/** Why a subject command is refused. */
export type SubjectRefusal = 'already_admitted' | 'not_admitted' | 'not_pending' | 'not_ready' | 'not_in_part' | 'settled';

/** Statuses with nothing left to do: a settled subject changes no more. */
const SETTLED_SUBJECT = new Set<SubjectState['status']>(['delivered', 'denied', 'expired']);

/** Decides a command against a subject's state. */
export function decideSubject(command: SubjectCommand, state: SubjectState): Decision<SubjectEvent, SubjectRefusal> {
  if (SETTLED_SUBJECT.has(state.status)) return refuse('settled');
  switch (command.type) {
    case 'admit':
      if (state.status === 'none' || state.status === 'awaiting_approval') return accept({ type: 'subject_admitted' });
      return refuse('already_admitted');
    case 'await_approval':
      return state.status === 'none'
        ? accept({ type: 'subject_awaiting_approval', approvalRequestId: command.approvalRequestId })
        : refuse('already_admitted');
    case 'package':
      if (state.status !== 'pending') return refuse('not_pending');
      if (state.part !== null && state.part !== command.part) return refuse('not_in_part');
      return accept({ type: 'subject_packaged', part: command.part });
    case 'deliver':
      return state.status === 'ready' ? accept({ type: 'subject_delivered' }) : refuse('not_ready');
    case 'make_stale':
      return state.status === 'ready' ? accept({ type: 'subject_made_stale' }) : refuse('not_ready');
    case 'expire':
      if (state.status === 'ready' || (state.status === 'pending' && state.part !== null)) return accept({ type: 'subject_expired' });
      return refuse(state.status === 'pending' ? 'not_in_part' : 'not_ready');
    case 'withdraw':
    case 'deny':
      return state.status === 'none' && command.type === 'withdraw'
        ? refuse('not_admitted')
        : accept({ type: 'subject_denied', reason: command.reason });
  }
}

/** Applies one event to a subject's state; an event that does not fit is a bug in the caller. */
export function evolveSubject(state: SubjectState, event: SubjectEvent): SubjectState {
  switch (event.type) {
    case 'subject_admitted':
      return { status: 'pending', part: null };
    case 'subject_awaiting_approval':
      return { status: 'awaiting_approval', approvalRequestId: event.approvalRequestId };
    case 'subject_packaged':
      return { status: 'ready', part: event.part };
    case 'subject_delivered':
      return { status: 'delivered', part: partOf(state, event.type) };
    case 'subject_made_stale':
      return { status: 'pending', part: partOf(state, event.type) };
    case 'subject_expired':
      return { status: 'expired', part: state.status === 'ready' || state.status === 'pending' ? state.part : null };
    case 'subject_denied':
      // A denied subject leaves any part it was in.
      return { status: 'denied', reason: event.reason };
  }
}

function partOf(state: SubjectState, event: string): number {
  if (state.status !== 'ready') throw new Error(`${event} applied to a ${state.status} subject`);
  return state.part;
}

// ---------------------------------------------------------------------------------------------------------
// Parts: `ready → delivered`, `ready → stale → ready (rebuilt) | void (rebuilt empty)`, `ready → expired`;
// a delivered part past its time keeps its status and records but loses its bytes.

/** One package part of a transfer. */
export type PartState =
  | { status: 'none' }
  | { status: 'ready'; generation: number; expiresAt: Date }
  | { status: 'delivered'; generation: number; expiresAt: Date; deliveredAt: Date; bytesKept: boolean }
  | { status: 'stale'; generation: number }
  | { status: 'void'; generation: number }
  | { status: 'expired'; generation: number };

/** What can be asked of a part. */
export type PartCommand =
  /** The builder sealed a new part with at least one subject in it. */
  | { type: 'package'; expiresAt: Date; now: Date }
  /** The recipient downloaded it and every subject passed the delivery re-check. */
  | { type: 'deliver'; now: Date }
  /** A consent or record behind it changed: its bytes are cleared and it waits to be rebuilt. */
  | { type: 'make_stale' }
  /** The builder packaged a stale part again: with the subjects left (`expiresAt`), or none (void). */
  | { type: 'rebuild'; subjects: number; expiresAt: Date; now: Date }
  /** Its time is up: the bytes are deleted. */
  | { type: 'expire'; now: Date };

/** What happened to a part. */
export type PartEvent =
  | { type: 'part_packaged'; expiresAt: Date }
  | { type: 'part_delivered'; at: Date }
  | { type: 'part_made_stale' }
  | { type: 'part_rebuilt'; expiresAt: Date }
  | { type: 'part_voided' }
  | { type: 'part_expired' }
  | { type: 'part_bytes_deleted' };

/** Why a part command is refused (the download's PACKAGE_STALE and PART_GONE come from `stale` and `gone`). */
export type PartRefusal = 'already_packaged' | 'no_part' | 'stale' | 'gone' | 'already_delivered' | 'not_ready' | 'not_stale' | 'not_due';

/** Decides a command against a part's state. */
export function decidePart(command: PartCommand, state: PartState): Decision<PartEvent, PartRefusal> {
  if (command.type === 'package') {
    return state.status === 'none' ? accept({ type: 'part_packaged', expiresAt: command.expiresAt }) : refuse('already_packaged');
  }
  if (state.status === 'none') return refuse('no_part');
  switch (command.type) {
    case 'deliver':
      if (state.status === 'stale') return refuse('stale');
      if (state.status === 'delivered') return refuse('already_delivered');
      if (state.status !== 'ready' || state.expiresAt.getTime() <= command.now.getTime()) return refuse('gone');
      return accept({ type: 'part_delivered', at: command.now });
    case 'make_stale':
      return state.status === 'ready' ? accept({ type: 'part_made_stale' }) : refuse('not_ready');
    case 'rebuild':
      if (state.status !== 'stale') return refuse('not_stale');
      return command.subjects > 0 ? accept({ type: 'part_rebuilt', expiresAt: command.expiresAt }) : accept({ type: 'part_voided' });
    case 'expire': {
      const bytesHeld = state.status === 'ready' || (state.status === 'delivered' && state.bytesKept);
      if (!bytesHeld || state.expiresAt.getTime() > command.now.getTime()) return refuse('not_due');
      return accept(state.status === 'ready' ? { type: 'part_expired' } : { type: 'part_bytes_deleted' });
    }
  }
}

/** Applies one event to a part's state; an event that does not fit is a bug in the caller. */
export function evolvePart(state: PartState, event: PartEvent): PartState {
  switch (event.type) {
    case 'part_packaged':
      return { status: 'ready', generation: 1, expiresAt: event.expiresAt };
    case 'part_rebuilt':
      return { status: 'ready', generation: generationOf(state) + 1, expiresAt: event.expiresAt };
    case 'part_delivered':
      if (state.status !== 'ready') throw new Error(`part_delivered applied to a ${state.status} part`);
      return { status: 'delivered', generation: state.generation, expiresAt: state.expiresAt, deliveredAt: event.at, bytesKept: true };
    case 'part_made_stale':
      return { status: 'stale', generation: generationOf(state) };
    case 'part_voided':
      return { status: 'void', generation: generationOf(state) };
    case 'part_expired':
      return { status: 'expired', generation: generationOf(state) };
    case 'part_bytes_deleted':
      if (state.status !== 'delivered') throw new Error(`part_bytes_deleted applied to a ${state.status} part`);
      return { ...state, bytesKept: false };
  }
}

function generationOf(state: PartState): number {
  if (state.status === 'none') throw new Error('event applied to no part');
  return state.generation;
}

// ---------------------------------------------------------------------------------------------------------
// Transfers: `requested → processing → ready → delivered | expired`, or `cancelled`. Once admitted, the
// status follows the transfer's parts and subjects (`transferStatusFromCounts`).

/** A transfer as a whole. */
export type TransferState =
  | { status: 'requested' }
  | { status: 'cancelled' }
  | { status: Exclude<TransferStatus, 'requested' | 'cancelled'>; readyAt: Date | null; deliveredAt: Date | null };

/** What can be asked of a transfer. */
export type TransferCommand =
  /** Building starts and the offer is still approved: its subjects are admitted. */
  | { type: 'admit'; offerApproved: boolean; now: Date }
  /** Its parts or subjects changed: its status follows their counts. */
  | { type: 'settle'; counts: TransferCounts; now: Date };

/** What happened to a transfer. */
export type TransferEvent =
  | { type: 'transfer_admitted' }
  | { type: 'transfer_cancelled' }
  | { type: 'transfer_status_changed'; status: Exclude<TransferStatus, 'requested' | 'cancelled'>; at: Date };

/** Why a transfer command is refused. */
export type TransferRefusal = 'already_admitted' | 'not_admitted';

/**
 * Decides a command against a transfer's state. A transfer still requested is admitted once (or cancelled
 * if its offer is no longer approved); settling an admitted transfer yields an event only when its status moves.
 */
export function decideTransfer(command: TransferCommand, state: TransferState): Decision<TransferEvent, TransferRefusal> {
  if (command.type === 'admit') {
    if (state.status !== 'requested') return refuse('already_admitted');
    return command.offerApproved ? accept({ type: 'transfer_admitted' }) : accept({ type: 'transfer_cancelled' });
  }
  if (state.status === 'requested' || state.status === 'cancelled') return refuse('not_admitted');
  const status = settledStatus(command.counts);
  return status === state.status ? accept() : accept({ type: 'transfer_status_changed', status, at: command.now });
}

/** Applies one event to a transfer's state; an event that does not fit is a bug in the caller. */
export function evolveTransfer(state: TransferState, event: TransferEvent): TransferState {
  switch (event.type) {
    case 'transfer_admitted':
      return { status: 'processing', readyAt: null, deliveredAt: null };
    case 'transfer_cancelled':
      return { status: 'cancelled' };
    case 'transfer_status_changed': {
      if (state.status === 'requested' || state.status === 'cancelled')
        throw new Error(`status change applied to a ${state.status} transfer`);
      const readyAt = state.readyAt ?? (event.status === 'ready' || event.status === 'delivered' ? event.at : null);
      const deliveredAt = event.status === 'delivered' ? (state.deliveredAt ?? event.at) : state.deliveredAt;
      return { status: event.status, readyAt, deliveredAt };
    }
  }
}

/** The status an admitted transfer reads as from its counts (see `transferStatusFromCounts`). */
function settledStatus(counts: TransferCounts): Exclude<TransferStatus, 'requested' | 'cancelled'> {
  return transferStatusFromCounts('processing', counts) as Exclude<TransferStatus, 'requested' | 'cancelled'>;
}

// ---------------------------------------------------------------------------------------------------------
// Changes: what a use case hands the repository to save. Each is decided by the rules above, one subject or
// part at a time (pure and cheap), so bulk paths follow the same rules as single ones; the repository then
// writes a whole batch of changes in one statement.

/** A subject as loaded: its pseudonymous id and state. */
export interface SubjectSnapshot {
  subjectId: string;
  state: SubjectState;
}

/** A part as loaded: its number and state. */
export interface PartSnapshot {
  part: number;
  state: PartState;
}

/** A subject's state before and after a command (the repository writes `to` where the row is still `from`). */
export interface SubjectChange {
  subjectId: string;
  from: SubjectState;
  to: SubjectState;
}

/** A part's state before and after a command. */
export interface PartChange {
  part: number;
  from: PartState;
  to: PartState;
}

/** Decides a command for one subject and applies its events: the change, or null when the rules refuse it. */
export function changeSubject(subject: SubjectSnapshot, command: SubjectCommand): SubjectChange | null {
  const decision = decideSubject(command, subject.state);
  if (decision.outcome === 'refused') return null;
  return { subjectId: subject.subjectId, from: subject.state, to: decision.events.reduce(evolveSubject, subject.state) };
}

/** Decides a command for one part and applies its events: the change, or null when the rules refuse it. */
export function changePart(part: PartSnapshot, command: PartCommand): PartChange | null {
  const decision = decidePart(command, part.state);
  if (decision.outcome === 'refused') return null;
  return { part: part.part, from: part.state, to: decision.events.reduce(evolvePart, part.state) };
}

/** The command admission gives a subject: admitted (auto mode), waiting for the individual's answer (ask mode), or denied. */
export type AdmissionOutcome = { mode: 'auto' } | { mode: 'ask'; approvalRequestId: string } | { mode: 'denied'; reason: DenialReason };

/** The state admission leaves a new subject in (from no state: every outcome is allowed). */
export function admitSubject(subjectId: string, outcome: AdmissionOutcome): SubjectChange {
  const command: SubjectCommand =
    outcome.mode === 'auto'
      ? { type: 'admit' }
      : outcome.mode === 'ask'
        ? { type: 'await_approval', approvalRequestId: outcome.approvalRequestId }
        : { type: 'deny', reason: outcome.reason };
  const change = changeSubject({ subjectId, state: { status: 'none' } }, command);
  if (change === null) throw new Error('admission refused for a subject with no state');
  return change;
}

/** Subjects whose work stops, and the command that stops each (`withdraw` for a revocation and the like, `deny` for a refused re-check). */
export interface StoppedSubject {
  subject: SubjectSnapshot;
  command: Extract<SubjectCommand, { type: 'withdraw' | 'deny' }>;
}

/**
 * Stops work in one transfer: each stopped subject is denied, each of `parts` that is ready becomes stale
 * (its bytes are cleared; the builder rebuilds it under the same number), and the other ready subjects of
 * those parts go back to pending in them. `partSubjects` are the subjects in `parts` as loaded.
 */
export function stopWork(
  stopped: readonly StoppedSubject[],
  parts: readonly PartSnapshot[],
  partSubjects: readonly SubjectSnapshot[],
): { subjects: SubjectChange[]; parts: PartChange[] } {
  const partChanges = parts.map((part) => changePart(part, { type: 'make_stale' })).filter((change) => change !== null);
  const staleParts = new Set(partChanges.map((change) => change.part));
  const stoppedIds = new Set(stopped.map((entry) => entry.subject.subjectId));
  const subjectChanges = stopped.map((entry) => changeSubject(entry.subject, entry.command));
  for (const subject of partSubjects) {
    if (stoppedIds.has(subject.subjectId) || subject.state.status !== 'ready' || !staleParts.has(subject.state.part)) continue;
    subjectChanges.push(changeSubject(subject, { type: 'make_stale' }));
  }
  return { subjects: subjectChanges.filter((change) => change !== null), parts: partChanges };
}
