import type { ConsentExplanation, ConsentMode, ConsentSource, ConsentStatus, ExpiryCause } from '../domain/consent';
import type { ConsentedOffer } from '../domain/consent-receipt';
import type { ConsentEventEntity } from '../infrastructure/consent-event.entity';
import type { ConsentEntity } from '../infrastructure/consent.entity';

/** A consent as its individual sees it. */
export interface ConsentView {
  consentId: string;
  offerId: string;
  recipient: ConsentedOffer['recipient'];
  purpose: ConsentedOffer['purpose'];
  state: ConsentStatus;
  mode: ConsentMode;
  source: ConsentSource;
  items: string[];
  expiresAt: string | null;
  explanation: ConsentExplanation | null;
  version: number;
  grantedAt: string;
  updatedAt: string;
  endedAt: string | null;
  revocationReason: string | null;
  expiryCause: ExpiryCause | null;
}

/** One event of a consent's ledger with its receipt. */
export interface ConsentEventView {
  eventId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: string;
  receiptId: string;
  /** Compact JWS signed by the bank (`typ: consent-receipt+jwt`). */
  receipt: string;
}

/** A consent with its events and receipts, oldest first. */
export interface ConsentDetail extends ConsentView {
  events: ConsentEventView[];
}

export function consentView(row: ConsentEntity): ConsentView {
  return {
    consentId: row.id,
    offerId: row.offerId,
    recipient: row.offerSnapshot.recipient,
    purpose: row.offerSnapshot.purpose,
    state: row.status,
    mode: row.mode,
    source: row.source,
    items: row.items,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    explanation: row.explanation,
    version: row.version,
    grantedAt: row.grantedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    expiryCause: row.expiryCause,
  };
}

export function eventView(event: ConsentEventEntity): ConsentEventView {
  return {
    eventId: event.id,
    version: event.version,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    receiptId: event.receiptId,
    receipt: event.receiptJws,
  };
}
