/**
 * Full log verification: what a run checks and what it found. Pure types and rules; the checking itself
 * is in `application/`, reading the log and the ledgers through `infrastructure/`.
 */

/** Who started a run: a board member (API), the operator (CLI) or the worker's schedule. */
export type LogVerificationTrigger = 'board' | 'operator' | 'schedule';

/** A run is `running` until its last page; then `passed` (no failure) or `failed`. */
export type LogVerificationStatus = 'running' | 'passed' | 'failed';

/** What can be wrong with the log or the ledgers under it. */
export const LOG_VERIFICATION_FAILURE_KINDS = [
  /** No leaf is stored at this index, though a checkpoint covers it. */
  'leaf_missing',
  /** A leaf's ledger row (consent event or provision record) is gone. */
  'leaf_without_entry',
  /** A ledger row's leaf is gone (index unknown: the leaf itself was removed). */
  'entry_without_leaf',
  /** Two ledger rows claim the same leaf. */
  'leaf_shared',
  /** The leaf's bytes differ from the bytes rebuilt from its ledger row. */
  'entry_mismatch',
  /** The leaf is of a kind no ledger writes. */
  'leaf_kind_unknown',
  /** A stored Merkle node is absent. */
  'node_missing',
  /** A stored Merkle node differs from the one rebuilt from the leaves. */
  'node_mismatch',
  /** A checkpoint's JWS does not verify against the bank's JWKS, or its payload disagrees with its row. */
  'checkpoint_signature_invalid',
  /** A checkpoint's root hash differs from the root rebuilt from the leaves. */
  'checkpoint_root_mismatch',
  /** The consistency proof between two consecutive checkpoints, served from the stored nodes, fails. */
  'consistency_failed',
] as const;

/** One kind of failure a run reports. */
export type LogVerificationFailureKind = (typeof LOG_VERIFICATION_FAILURE_KINDS)[number];

/**
 * One failure: its kind and the leaf index it concerns (for a checkpoint, the last leaf it covers; null
 * when the leaf is gone and its index unknown). Ids only: never personal data.
 */
export interface LogVerificationFailure {
  kind: LogVerificationFailureKind;
  leafIndex: number | null;
  /** For checkpoints and consistency proofs: the tree size concerned. */
  treeSize?: number;
  /** For node failures: the level of the node (0 = leaf hash). */
  level?: number;
  /** For ledger rows: which ledger and the row's id. */
  entry?: { ledger: 'consent_event' | 'provision'; id: string };
}

/** At most this many failures are kept with a run (the count keeps counting), so a broken log cannot bloat a row. */
export const MAX_KEPT_FAILURES = 1000;

/** A perfect subtree on the right edge of the tree rebuilt so far (hash as base64url). */
export interface EdgeNode {
  level: number;
  index: number;
  hash: string;
}

/** What a run carries from one page to the next (stored with the run, so a crashed run resumes). */
export interface LogVerificationProgress {
  /** The right edge of the tree of `[0, nextSize)` as rebuilt (or, before `fromSize`, as stored). */
  edge: EdgeNode[];
  /** The last checkpoint checked, for the consistency check with the next one. */
  lastCheckpoint: { treeSize: number; rootHash: string } | null;
  leavesChecked: number;
  checkpointsChecked: number;
  ledgerRowsChecked: boolean;
}

/** A run's start: nothing checked yet. */
export function initialProgress(edge: EdgeNode[]): LogVerificationProgress {
  return { edge, lastCheckpoint: null, leavesChecked: 0, checkpointsChecked: 0, ledgerRowsChecked: false };
}

/** Adds a page's failures to those kept, up to MAX_KEPT_FAILURES. */
export function keepFailures(kept: readonly LogVerificationFailure[], found: readonly LogVerificationFailure[]): LogVerificationFailure[] {
  return [...kept, ...found.slice(0, Math.max(0, MAX_KEPT_FAILURES - kept.length))];
}

/** The range a board member or the operator asks for, checked against the latest checkpoint's size. */
export function verificationRange(
  request: { fromSize?: number; toSize?: number },
  latestTreeSize: number,
): { fromSize: number; toSize: number } | { problem: { path: string; message: string } } {
  const fromSize = request.fromSize ?? 0;
  const toSize = request.toSize ?? latestTreeSize;
  if (!Number.isSafeInteger(fromSize) || fromSize < 0)
    return { problem: { path: '/fromSize', message: 'must be a tree size of at least 0' } };
  if (!Number.isSafeInteger(toSize) || toSize < fromSize)
    return { problem: { path: '/toSize', message: 'must be a tree size no smaller than fromSize' } };
  if (toSize > latestTreeSize)
    return { problem: { path: '/toSize', message: `must not exceed the latest checkpoint's tree size (${latestTreeSize})` } };
  return { fromSize, toSize };
}

/** Whether a scheduled run is due: none yet, or the last one started at least `intervalHours` ago. */
export function isScheduledRunDue(lastScheduledAt: Date | null, now: Date, intervalHours: number): boolean {
  if (intervalHours <= 0) return false;
  return lastScheduledAt === null || now.getTime() - lastScheduledAt.getTime() >= intervalHours * 3_600_000;
}
