import { isUuidText, parseInstantWithOffset, type FieldProblem } from '@infobank/platform';

/** Where a breach happened: at a recipient (提供先), at a provider (情報提供元), or at the bank itself. */
export type IncidentKind = 'recipient_breach' | 'provider_breach' | 'bank_breach';

/** Every incident kind. */
export const INCIDENT_KINDS: readonly IncidentKind[] = ['recipient_breach', 'provider_breach', 'bank_breach'];

/** Where an incident's handling stands: `open → notifying → notified → closed`. */
export type IncidentState = 'open' | 'notifying' | 'notified' | 'closed';

/** Every incident state, in the order an incident passes through them. */
export const INCIDENT_STATES: readonly IncidentState[] = ['open', 'notifying', 'notified', 'closed'];

/** A step of an incident's handling: `notify` starts telling the affected individuals, `complete` ends it, `close` closes the case. */
export type IncidentAction = 'notify' | 'complete' | 'close';

/** Longest description or measures text the bank stores (characters). */
export const MAX_INCIDENT_TEXT = 4000;

/** Most data categories one incident may name. */
export const MAX_INCIDENT_CATEGORIES = 50;

/** What opening an incident asks for, as received (unvalidated). */
export interface OpenIncidentInput {
  kind?: unknown;
  recipientId?: unknown;
  providerId?: unknown;
  categories?: unknown;
  from?: unknown;
  to?: unknown;
  description?: unknown;
  measures?: unknown;
}

/** A validated request to open an incident. `from`/`to` are UTC instants; the window is `[from, to)`. */
export interface OpenIncidentCommand {
  kind: IncidentKind;
  recipientId: string | null;
  providerId: string | null;
  categories: string[];
  from: string;
  to: string;
  description: string;
  measures: string | null;
}

/**
 * Checks an open-incident request's shape (not whether the organisation or categories exist): the kind, the
 * organisation its kind needs and no other, a window whose start is before its end, and a description.
 */
export function parseOpenIncident(input: OpenIncidentInput): { command: OpenIncidentCommand | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const kind = (INCIDENT_KINDS as readonly unknown[]).includes(input?.kind) ? (input.kind as IncidentKind) : null;
  if (kind === null) problems.push({ path: '/kind', message: `must be one of ${INCIDENT_KINDS.join(', ')}` });
  // Which organisation is needed depends on the kind: with no valid kind there is nothing to check it against.
  const recipientId = kind === null ? null : organisationId(input?.recipientId, '/recipientId', kind === 'recipient_breach', problems);
  const providerId = kind === null ? null : organisationId(input?.providerId, '/providerId', kind === 'provider_breach', problems);
  const categories = categoryCodes(input?.categories, problems);
  const from = instant(input?.from, '/from', problems);
  const to = instant(input?.to, '/to', problems);
  if (from !== null && to !== null && from.micros >= to.micros) problems.push({ path: '/to', message: 'must be after from' });
  const description = text(input?.description, '/description', true, problems);
  const measures = text(input?.measures, '/measures', false, problems);
  if (problems.length > 0 || kind === null || from === null || to === null || description === null) return { command: null, problems };
  return {
    command: { kind, recipientId, providerId, categories, from: from.utc, to: to.utc, description, measures },
    problems: [],
  };
}

function organisationId(value: unknown, path: string, required: boolean, problems: FieldProblem[]): string | null {
  if (value === undefined || value === null) {
    if (required) problems.push({ path, message: 'is required for this kind of incident' });
    return null;
  }
  if (!required) {
    problems.push({ path, message: 'is not allowed for this kind of incident' });
    return null;
  }
  if (typeof value !== 'string' || !isUuidText(value)) {
    problems.push({ path, message: 'must be a UUID' });
    return null;
  }
  return value.toLowerCase();
}

function categoryCodes(value: unknown, problems: FieldProblem[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_INCIDENT_CATEGORIES) {
    problems.push({ path: '/categories', message: `must be an array of at most ${MAX_INCIDENT_CATEGORIES} category codes` });
    return [];
  }
  const codes: string[] = [];
  value.forEach((code, index) => {
    if (typeof code !== 'string' || !/^[a-z][a-z0-9_.-]{0,99}$/.test(code)) {
      problems.push({ path: `/categories/${index}`, message: 'must be a data category code' });
    } else codes.push(code);
  });
  return [...new Set(codes)].sort();
}

function instant(value: unknown, path: string, problems: FieldProblem[]): { utc: string; micros: number } | null {
  const parsed = typeof value === 'string' ? parseInstantWithOffset(value) : null;
  if (parsed === null) problems.push({ path, message: 'must be an ISO 8601 instant with an offset, e.g. 2026-04-01T09:00:00+09:00' });
  return parsed;
}

function text(value: unknown, path: string, required: boolean, problems: FieldProblem[]): string | null {
  if (value === undefined || value === null) {
    if (required) problems.push({ path, message: 'is required' });
    return null;
  }
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_INCIDENT_TEXT) {
    problems.push({ path, message: `must be text of 1 to ${MAX_INCIDENT_TEXT} characters` });
    return null;
  }
  return value.trim();
}

/** The outcome of a step on an incident: its next state, or why it cannot be taken now. */
export type IncidentStepDecision = { outcome: 'accepted'; next: IncidentState } | { outcome: 'rejected'; reason: string };

/**
 * Decides a step: notifying starts from `open` (when nobody is affected it ends at `notified` at once),
 * completes from `notifying`, and an incident closes once notified (or while open when nobody was affected).
 */
export function decideIncidentStep(state: IncidentState, action: IncidentAction, affectedIndividuals: number): IncidentStepDecision {
  switch (action) {
    case 'notify':
      return state === 'open'
        ? { outcome: 'accepted', next: 'notifying' }
        : rejected(`Notifying starts from open; this incident is ${state}.`);
    case 'complete':
      return state === 'notifying'
        ? { outcome: 'accepted', next: 'notified' }
        : rejected(`Only a notifying incident completes; this one is ${state}.`);
    case 'close':
      if (state === 'notified' || (state === 'open' && affectedIndividuals === 0)) return { outcome: 'accepted', next: 'closed' };
      return rejected(`An incident closes once its affected individuals are notified; this one is ${state}.`);
  }
}

function rejected(reason: string): IncidentStepDecision {
  return { outcome: 'rejected', reason };
}
