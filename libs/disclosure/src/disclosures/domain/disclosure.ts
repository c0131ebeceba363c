import type { FieldProblem } from '@infobank/platform';

/**
 * The parts of a disclosure bundle (開示の対象) an individual may ask for, each one file. A new section needs
 * its schema in disclosure-schemas.ts and its collector in application/sections/ (see disclosure-sections.ts).
 */
export const DISCLOSURE_SECTIONS = ['profile', 'links', 'records', 'consents', 'provisions', 'benefits', 'notices', 'complaints'] as const;

/** One part of a disclosure bundle. */
export type DisclosureSection = (typeof DISCLOSURE_SECTIONS)[number];

/** The file formats of a bundle's data files: JSON documents, or CSV tables (one row per item). */
export const DISCLOSURE_FORMATS = ['json', 'csv'] as const;

/** A bundle's data file format. */
export type DisclosureFormat = (typeof DISCLOSURE_FORMATS)[number];

/** Where a disclosure request stands: asked for, being built by the worker, downloadable, or deleted after its retention. */
export type DisclosureStatus = 'requested' | 'building' | 'ready' | 'expired';

/** Every disclosure status, in lifecycle order. */
export const DISCLOSURE_STATUSES: readonly DisclosureStatus[] = ['requested', 'building', 'ready', 'expired'];

/** Days a ready bundle is kept (encrypted) before it is deleted and the request expires. */
export const DISCLOSURE_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an individual asks for, checked: the sections (in the canonical order) and the format. */
export interface DisclosureOrder {
  sections: DisclosureSection[];
  format: DisclosureFormat;
}

/**
 * Reads a request body `{ scope, format }`: `scope` is `"all"` or a non-empty list of distinct section
 * names; `format` is `json` or `csv`. Returns the order or every problem found.
 */
export function parseDisclosureOrder(body: unknown): DisclosureOrder | { problems: FieldProblem[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problems: [{ path: '', message: 'must be an object' }] };
  const input = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(input))
    if (key !== 'scope' && key !== 'format') problems.push({ path: `/${key}`, message: 'is not a known field' });
  const sections = parseScope(input.scope, problems);
  const format = input.format;
  if (typeof format !== 'string' || !(DISCLOSURE_FORMATS as readonly string[]).includes(format))
    problems.push({ path: '/format', message: `must be one of ${DISCLOSURE_FORMATS.join(', ')}` });
  if (problems.length > 0) return { problems };
  return { sections, format: format as DisclosureFormat };
}

function parseScope(scope: unknown, problems: FieldProblem[]): DisclosureSection[] {
  if (scope === 'all') return [...DISCLOSURE_SECTIONS];
  const known = DISCLOSURE_SECTIONS as readonly string[];
  if (!Array.isArray(scope) || scope.length === 0) {
    problems.push({ path: '/scope', message: `must be "all" or a non-empty list of: ${DISCLOSURE_SECTIONS.join(', ')}` });
    return [];
  }
  scope.forEach((section, index) => {
    if (typeof section !== 'string' || !known.includes(section))
      problems.push({ path: `/scope/${index}`, message: `must be one of ${DISCLOSURE_SECTIONS.join(', ')}` });
    else if (scope.indexOf(section) !== index) problems.push({ path: `/scope/${index}`, message: 'is listed twice' });
  });
  return DISCLOSURE_SECTIONS.filter((section) => scope.includes(section));
}

/** When the bank must have the bundle ready: `dueDays` after the request (DISCLOSURE_DUE_DAYS). */
export function disclosureDueAt(requestedAt: Date, dueDays: number): Date {
  return new Date(requestedAt.getTime() + dueDays * DAY_MS);
}

/** When a bundle that became ready at `readyAt` is deleted. */
export function disclosureExpiresAt(readyAt: Date): Date {
  return new Date(readyAt.getTime() + DISCLOSURE_RETENTION_DAYS * DAY_MS);
}

/** True while the worker may still (re)build the bundle: a repeated job after `ready` changes nothing. */
export function mayBuild(status: DisclosureStatus): boolean {
  return status === 'requested' || status === 'building';
}

/** True while a request is not finished, so that a second one waits for it. */
export function isInProgress(status: DisclosureStatus): boolean {
  return status === 'requested' || status === 'building';
}

/**
 * Whether a request missed its due date: ready after it, or still not ready once it has passed. An
 * expired request was ready once; it counts by when it became ready.
 */
export function isOverdue(request: { dueAt: Date; readyAt: Date | null }, now: Date): boolean {
  return request.readyAt === null ? now.getTime() > request.dueAt.getTime() : request.readyAt.getTime() > request.dueAt.getTime();
}
