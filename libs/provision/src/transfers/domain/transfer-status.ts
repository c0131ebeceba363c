import type { ProvisionRefusal } from '@infobank/consent';

/** Where a transfer is (docs/architecture.md §5): `requested → processing → ready → delivered | expired`, or `cancelled`. */
export type TransferStatus = 'requested' | 'processing' | 'ready' | 'delivered' | 'expired' | 'cancelled';

/** Every transfer status. */
export const TRANSFER_STATUSES: readonly TransferStatus[] = ['requested', 'processing', 'ready', 'delivered', 'expired', 'cancelled'];

/**
 * Where one subject of a transfer is: `pending` (admitted, not yet packaged), `awaiting_approval` (ask mode),
 * `ready` (in a part waiting for download), `delivered`, `denied` (with a reason) or `expired` (its part
 * expired undownloaded).
 */
export type SubjectStatus = 'pending' | 'awaiting_approval' | 'ready' | 'delivered' | 'denied' | 'expired';

/**
 * Why a subject is not provided: a `mayProvide` refusal, or a limit of the offer, or the individual's answer,
 * or `erased` (the individual erased deposited data while the transfer was in flight).
 */
export type DenialReason =
  ProvisionRefusal | 'frequency_exceeded' | 'out_of_range' | 'no_records' | 'approval_denied' | 'approval_expired' | 'erased';

/** Where a part is: downloadable, downloaded, waiting to be rebuilt, rebuilt empty, or expired (bytes deleted). */
export type PartStatus = 'ready' | 'delivered' | 'stale' | 'void' | 'expired';

/** Subject statuses that count against the offer's fetch limit (admitted and not released). */
export const RESERVING_SUBJECT_STATUSES: readonly SubjectStatus[] = ['pending', 'awaiting_approval', 'ready', 'delivered'];

/** How many of a transfer's parts and subjects are in the statuses its own status depends on. */
export interface TransferCounts {
  partsReady: number;
  partsStale: number;
  partsDelivered: number;
  partsExpired: number;
  subjectsPending: number;
  subjectsAwaitingApproval: number;
}

/**
 * The status a transfer reads as, from its parts and subjects (a cancelled or still-requested transfer
 * keeps its status). Work left (a subject pending, or a part stale) keeps it `processing` unless a part can
 * already be downloaded (`ready`); ask-mode subjects still waiting keep a transfer with nothing to download
 * `processing`. Once nothing is left to build or download: `expired` if a part expired undownloaded,
 * `delivered` if any part was downloaded, else `ready` with nothing in it (every subject denied).
 */
export function transferStatusOf(
  current: TransferStatus,
  parts: readonly PartStatus[],
  subjects: ReadonlySet<SubjectStatus>,
): TransferStatus {
  const count = (status: PartStatus) => parts.filter((part) => part === status).length;
  return transferStatusFromCounts(current, {
    partsReady: count('ready'),
    partsStale: count('stale'),
    partsDelivered: count('delivered'),
    partsExpired: count('expired'),
    subjectsPending: subjects.has('pending') ? 1 : 0,
    subjectsAwaitingApproval: subjects.has('awaiting_approval') ? 1 : 0,
  });
}

/** `transferStatusOf` from the transfer's status counters (what the repository keeps, so no part is re-read). */
export function transferStatusFromCounts(current: TransferStatus, counts: TransferCounts): TransferStatus {
  if (current === 'cancelled' || current === 'requested') return current;
  if (counts.partsReady > 0) return 'ready';
  if (counts.subjectsPending > 0 || counts.partsStale > 0 || counts.subjectsAwaitingApproval > 0) return 'processing';
  if (counts.partsExpired > 0) return 'expired';
  if (counts.partsDelivered > 0) return 'delivered';
  return 'ready';
}
