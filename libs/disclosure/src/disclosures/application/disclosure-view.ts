import { isOverdue, type DisclosureFormat, type DisclosureSection, type DisclosureStatus } from '../domain/disclosure';
import type { DisclosureRequestRow } from '../infrastructure/disclosure-request.store';

/** A disclosure request as its individual reads it. */
export interface DisclosureView {
  disclosureId: string;
  sections: DisclosureSection[];
  format: DisclosureFormat;
  status: DisclosureStatus;
  requestedAt: string;
  /** When the bank must have the bundle ready (DISCLOSURE_DUE_DAYS after the request). */
  dueAt: string;
  /** Past its due date without being ready, or made ready after it. */
  overdue: boolean;
  readyAt: string | null;
  /** When the bundle is deleted (7 days after it became ready). */
  expiresAt: string | null;
  expiredAt: string | null;
  /** Size and SHA-256 (hex) of the archive, once built. */
  bundleBytes: number | null;
  bundleSha256: string | null;
  /** The bank-signed manifest (compact JWS, typ disclosure-manifest+jwt), once built. */
  manifest: string | null;
}

export function disclosureView(row: DisclosureRequestRow, now: Date): DisclosureView {
  return {
    disclosureId: row.id,
    sections: row.sections,
    format: row.format,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row, now),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expiredAt: row.expiredAt?.toISOString() ?? null,
    bundleBytes: row.bundleBytes,
    bundleSha256: row.bundleSha256,
    manifest: row.manifestJws,
  };
}

/** How a use case refuses anyone but a signed-in individual. */
export const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual has disclosure requests.' };
