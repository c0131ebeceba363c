import type { ProvisionRefusal } from '@infobank/consent';

/** Where a transfer is (DESIGN §5): `requested → processing → ready → delivered | expired`, or `cancelled`. */
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
  if (current === 'cancelled' || current === 'requested') return current;
  const downloadable = parts.includes('ready');
  const workLeft = subjects.has('pending') || parts.includes('stale');
  const waiting = subjects.has('awaiting_approval');
  if (downloadable) return 'ready';
  if (workLeft || waiting) return 'processing';
  if (parts.includes('expired')) return 'expired';
  if (parts.includes('delivered')) return 'delivered';
  return 'ready';
}
