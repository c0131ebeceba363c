/** Media type (`typ` header) a deletion attestation JWS must declare (RFC 8725 §3.11 explicit typing). */
export const DELETION_ATTESTATION_JWS_TYPE = 'deletion-attestation+jws';

/** Longest statement an attestation may carry. */
export const MAX_ATTESTATION_STATEMENT_LENGTH = 2_000;

/** How far in the future a `deletedAt` may lie (the recipient's clock may run ahead of ours). */
export const ATTESTATION_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What a recipient signs to attest that it deleted the data a notice names (削除証明). */
export interface DeletionAttestation {
  noticeId: string;
  subjects: string[];
  transfers: string[];
  deletedAt: Date;
  statement: string;
}

/** The notice an attestation must match. */
export interface AttestedNotice {
  id: string;
  subjects: readonly string[];
  transfers: readonly string[];
  issuedAt: Date;
}

/** One thing wrong with an attestation payload, by JSON pointer. */
export interface AttestationProblem {
  path: string;
  message: string;
}

const FIELDS = ['noticeId', 'subjects', 'transfers', 'deletedAt', 'statement'];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a verified attestation payload against its notice: exactly the five fields, the notice's id,
 * the notice's subjects and transfers (as sets), a deletion time between issue and `now` (plus skew)
 * and a statement. Returns the attestation, or every problem found.
 */
export function readDeletionAttestation(
  payload: Record<string, unknown>,
  notice: AttestedNotice,
  now: Date,
): { attestation: DeletionAttestation } | { problems: AttestationProblem[] } {
  const problems: AttestationProblem[] = [];
  for (const key of Object.keys(payload)) {
    if (!FIELDS.includes(key)) problems.push({ path: `/${key}`, message: 'is not a field of an attestation' });
  }
  if (payload.noticeId !== notice.id) problems.push({ path: '/noticeId', message: 'must be the id of the notice attested' });
  const subjects = sameSet(payload.subjects, notice.subjects, '/subjects', 'subjects', problems);
  const transfers = sameSet(payload.transfers, notice.transfers, '/transfers', 'transfers', problems);
  const deletedAt = deletionTime(payload.deletedAt, notice.issuedAt, now, problems);
  const statement = payload.statement;
  if (typeof statement !== 'string' || statement.trim() === '') {
    problems.push({ path: '/statement', message: 'must be a non-empty string' });
  } else if (statement.length > MAX_ATTESTATION_STATEMENT_LENGTH) {
    problems.push({ path: '/statement', message: `must be at most ${MAX_ATTESTATION_STATEMENT_LENGTH} characters` });
  }
  if (problems.length > 0 || subjects === null || transfers === null || deletedAt === null || typeof statement !== 'string') {
    return { problems };
  }
  return { attestation: { noticeId: notice.id, subjects, transfers, deletedAt, statement } };
}

function sameSet(value: unknown, expected: readonly string[], path: string, noun: string, problems: AttestationProblem[]): string[] | null {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    problems.push({ path, message: 'must be an array of strings' });
    return null;
  }
  const given = new Set(value);
  const wanted = new Set(expected);
  if (given.size !== value.length) {
    problems.push({ path, message: `must not repeat ${noun}` });
    return null;
  }
  if (given.size !== wanted.size || [...given].some((item) => !wanted.has(item))) {
    problems.push({ path, message: `must name exactly the notice's ${noun}` });
    return null;
  }
  return [...given].sort();
}

function deletionTime(value: unknown, issuedAt: Date, now: Date, problems: AttestationProblem[]): Date | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push({ path: '/deletedAt', message: 'must be an ISO 8601 instant with an offset' });
    return null;
  }
  const deletedAt = new Date(value);
  if (deletedAt.getTime() > now.getTime() + ATTESTATION_CLOCK_SKEW_MS) {
    problems.push({ path: '/deletedAt', message: 'must not be in the future' });
    return null;
  }
  if (deletedAt.getTime() < issuedAt.getTime()) {
    problems.push({ path: '/deletedAt', message: 'must not be before the notice was issued' });
    return null;
  }
  return deletedAt;
}
