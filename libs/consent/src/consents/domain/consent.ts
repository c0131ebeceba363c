/** Where a consent is in its life (docs/architecture.md §5): `active ⇄ paused`; `active | paused → revoked | expired`. */
export type ConsentStatus = 'active' | 'paused' | 'revoked' | 'expired';

/** Every consent status, in the order screens list them. */
export const CONSENT_STATUSES: readonly ConsentStatus[] = ['active', 'paused', 'revoked', 'expired'];

/** `auto`: the bank provides whenever the offer's terms allow; `ask` (個別確認): each transfer waits for the individual's approval. */
export type ConsentMode = 'auto' | 'ask';

/** Every consent mode. */
export const CONSENT_MODES: readonly ConsentMode[] = ['auto', 'ask'];

/** Who decided to consent: the individual, or the bank on the individual's standing conditions (予め指定した条件). */
export type ConsentSource = 'individual' | 'standing_condition';

/** Why the bank judged as it did on the individual's behalf: one line per criterion it checked, in Japanese and English. */
export interface ConsentExplanation {
  ja: string[];
  en: string[];
}

/** Why a consent expired: its own `expiresAt`, or its offer expired, was withdrawn or lost the board's approval. */
export type ExpiryCause = 'expires_at' | 'offer_expired' | 'offer_withdrawn' | 'offer_not_approved';

/** What an individual consented to: fixed when granted (a change needs a new consent). */
export interface ConsentTerms {
  consentId: string;
  individualId: string;
  offerId: string;
  recipientId: string;
  /** Catalog item ids the consent covers: the offer's required items plus the optional items chosen. */
  items: string[];
  mode: ConsentMode;
  source: ConsentSource;
  /** After this instant the consent lets nothing out (null: until revoked or the offer ends). */
  expiresAt: Date | null;
  /** Stored for `standing_condition` consents; null for the individual's own. */
  explanation: ConsentExplanation | null;
}

interface ConsentFacts extends ConsentTerms {
  /** The number of events recorded so far (optimistic concurrency: each event bumps it by one). */
  version: number;
  grantedAt: Date;
}

/** A consent as the ledger's events leave it; illegal combinations cannot be written down. */
export type ConsentState =
  | { status: 'none' }
  | ({ status: 'active' | 'paused' } & ConsentFacts)
  | ({ status: 'revoked'; revokedAt: Date; reason: string | null } & ConsentFacts)
  | ({ status: 'expired'; expiredAt: Date; cause: ExpiryCause } & ConsentFacts);

/** A consent that exists (has been granted). */
export type GrantedConsent = Exclude<ConsentState, { status: 'none' }>;

/** What happened to a consent, in order. Every event carries its time. */
export type ConsentEvent =
  | { type: 'consent_granted'; terms: ConsentTerms; at: Date }
  | { type: 'consent_paused'; at: Date }
  | { type: 'consent_resumed'; at: Date }
  | { type: 'consent_revoked'; reason: string | null; at: Date }
  | { type: 'consent_expired'; cause: ExpiryCause; at: Date };

/** Every event type (the `consent_events.type` column). */
export const CONSENT_EVENT_TYPES = ['consent_granted', 'consent_paused', 'consent_resumed', 'consent_revoked', 'consent_expired'] as const;

/** The type of a consent event. */
export type ConsentEventType = (typeof CONSENT_EVENT_TYPES)[number];

/** What can be asked of a consent. Time is passed in (`now`), never read. */
export type ConsentCommand =
  | { type: 'grant'; terms: ConsentTerms; now: Date }
  | { type: 'pause'; now: Date }
  | { type: 'resume'; now: Date }
  | { type: 'revoke'; reason: string | null; now: Date }
  | { type: 'expire'; cause: ExpiryCause; now: Date };

/** Why a command is refused; nothing changes. */
export type ConsentRefusal =
  | 'no_consent'
  | 'already_granted'
  | 'expiry_not_in_future'
  | 'already_paused'
  | 'not_paused'
  | 'already_revoked'
  | 'consent_ended'
  | 'not_due';

/** The result of deciding a command: the events to record, or why it is refused. */
export type ConsentDecision = { outcome: 'accepted'; events: ConsentEvent[] } | { outcome: 'refused'; reason: ConsentRefusal };

/** True when the consent's own validity has run out at `now` (whether or not the expiry is recorded yet). */
export function isPastExpiry(state: GrantedConsent, now: Date): boolean {
  return state.expiresAt !== null && state.expiresAt.getTime() <= now.getTime();
}

/** Decides a command against a consent's state: the events it produces, or why it is refused. */
export function decide(command: ConsentCommand, state: ConsentState): ConsentDecision {
  const { now } = command;
  if (command.type === 'grant') {
    if (state.status !== 'none') return refuse('already_granted');
    if (command.terms.expiresAt !== null && command.terms.expiresAt.getTime() <= now.getTime()) return refuse('expiry_not_in_future');
    return accept({ type: 'consent_granted', terms: command.terms, at: now });
  }
  if (state.status === 'none') return refuse('no_consent');
  if (state.status === 'revoked') return refuse(command.type === 'revoke' ? 'already_revoked' : 'consent_ended');
  if (state.status === 'expired') return refuse('consent_ended');
  if (command.type === 'expire') {
    if (command.cause === 'expires_at' && !isPastExpiry(state, now)) return refuse('not_due');
    return accept({ type: 'consent_expired', cause: command.cause, at: now });
  }
  // Past its expiresAt a consent is over even before the expiry job records it.
  if (isPastExpiry(state, now)) return refuse('consent_ended');
  switch (command.type) {
    case 'pause':
      return state.status === 'paused' ? refuse('already_paused') : accept({ type: 'consent_paused', at: now });
    case 'resume':
      return state.status === 'active' ? refuse('not_paused') : accept({ type: 'consent_resumed', at: now });
    case 'revoke':
      return accept({ type: 'consent_revoked', reason: command.reason, at: now });
  }
}

/** Applies one event to a consent's state; an event that does not fit the state is a bug in the caller. */
export function evolve(state: ConsentState, event: ConsentEvent): ConsentState {
  if (event.type === 'consent_granted') {
    if (state.status !== 'none') throw new Error('consent_granted applied to an existing consent');
    return { status: 'active', ...event.terms, version: 1, grantedAt: event.at };
  }
  if (state.status === 'none') throw new Error(`${event.type} applied to no consent`);
  const next: ConsentFacts = { ...factsOf(state), version: state.version + 1 };
  switch (event.type) {
    case 'consent_paused':
      return { ...next, status: 'paused' };
    case 'consent_resumed':
      return { ...next, status: 'active' };
    case 'consent_revoked':
      return { ...next, status: 'revoked', revokedAt: event.at, reason: event.reason };
    case 'consent_expired':
      return { ...next, status: 'expired', expiredAt: event.at, cause: event.cause };
  }
}

/** The state a history of events leaves (the fold of `evolve`). */
export function replay(events: readonly ConsentEvent[], from: ConsentState = { status: 'none' }): ConsentState {
  return events.reduce(evolve, from);
}

function factsOf(state: GrantedConsent): ConsentFacts {
  const { consentId, individualId, offerId, recipientId, items, mode, source, expiresAt, explanation, version, grantedAt } = state;
  return { consentId, individualId, offerId, recipientId, items, mode, source, expiresAt, explanation, version, grantedAt };
}

function accept(event: ConsentEvent): ConsentDecision {
  return { outcome: 'accepted', events: [event] };
}

function refuse(reason: ConsentRefusal): ConsentDecision {
  return { outcome: 'refused', reason };
}
