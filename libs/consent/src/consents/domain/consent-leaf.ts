import type { ConsentEventType } from './consent';

/** The transparency log leaf kind of a consent event. */
export const CONSENT_LEAF_KIND = 'consent_event';

/**
 * The bytes a consent event contributes to the transparency log: ids, type, time and the hash of its
 * receipt (no personal data). Field order is fixed, so the same event always yields the same leaf.
 */
export function consentLeafBody(leaf: {
  consentId: string;
  eventId: string;
  version: number;
  type: ConsentEventType;
  occurredAt: Date;
  receiptHash: string;
}): string {
  return JSON.stringify({
    kind: CONSENT_LEAF_KIND,
    consentId: leaf.consentId,
    eventId: leaf.eventId,
    version: leaf.version,
    type: leaf.type,
    occurredAt: leaf.occurredAt.toISOString(),
    receiptHash: leaf.receiptHash,
  });
}
