import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

/** The `typ` the bank gives a signed review decision. */
const REVIEW_DECISION_TYPE = 'review-decision+jws';

/** Why a signed decision did not verify: a bad signature (or key, algorithm, type), or a decision about another case. */
export type DecisionFailure = 'signature' | 'case';

/** What checking a board decision in the browser found. */
export type DecisionOutcome =
  { valid: true; outcome: string; decidedAt: string; votes: number } | { valid: false; reason: DecisionFailure };

/**
 * Checks the bank's signed decision on a review case without trusting the server that sent it: the
 * compact JWS's EdDSA signature against the bank's JWKS (only EdDSA, only typ review-decision+jws),
 * and that the signed record names the expected case.
 */
export async function verifyReviewDecision(
  decisionJws: unknown,
  jwks: JSONWebKeySet,
  expected: { caseId: string },
): Promise<DecisionOutcome> {
  let record: { caseId?: unknown; outcome?: unknown; decidedAt?: unknown; votes?: unknown };
  try {
    if (typeof decisionJws !== 'string') return { valid: false, reason: 'signature' };
    const verified = await compactVerify(decisionJws, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    if (verified.protectedHeader.typ !== REVIEW_DECISION_TYPE) return { valid: false, reason: 'signature' };
    record = JSON.parse(new TextDecoder().decode(verified.payload)) as typeof record;
  } catch {
    return { valid: false, reason: 'signature' };
  }
  if (record.caseId !== expected.caseId || typeof record.outcome !== 'string' || typeof record.decidedAt !== 'string') {
    return { valid: false, reason: 'case' };
  }
  return {
    valid: true,
    outcome: record.outcome,
    decidedAt: record.decidedAt,
    votes: Array.isArray(record.votes) ? record.votes.length : 0,
  };
}
