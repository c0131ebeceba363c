import type { DataRange, FetchRule } from '@infobank/offers';
import type { ConsentEvent, ConsentExplanation, GrantedConsent } from './consent';

/** The `typ` header of every consent receipt the bank signs. */
export const CONSENT_RECEIPT_TYPE = 'consent-receipt+jwt';

/** The consent record schema a receipt follows. */
export const CONSENT_RECEIPT_SCHEMA = 'ISO/IEC TS 27560:2023';

/** Text in Japanese and, where given, English. */
export interface ConsentText {
  ja: string;
  en?: string;
}

/** The offer exactly as the individual consented to it, kept with the consent (it never changes afterwards). */
export interface ConsentedOffer {
  recipient: { id: string; name: ConsentText; corporateNumber: string; country: string };
  purpose: { code: string; dpv: string; label: { ja: string; en: string }; text: ConsentText };
  items: { itemId: string; categoryId: string; required: boolean; sensitive: boolean }[];
  dataRange: DataRange;
  fetch: FetchRule;
  dataLifeDays: number;
  processingCountries: string[];
  profiling: boolean;
  termsVersion: string;
  validUntil: string;
}

/** The W3C DPV consent state a ledger status corresponds to (a pause is not a DPV state: it stays `given`, with the status saying why nothing flows). */
const DPV_STATE = {
  active: 'dpv:ConsentGiven',
  paused: 'dpv:ConsentGiven',
  revoked: 'dpv:ConsentWithdrawn',
  expired: 'dpv:ConsentExpired',
} as const;

/** Who caused an event: the individual, or the bank (standing conditions, expiry). */
export type ReceiptActor = 'individual' | 'bank';

/** What one receipt records besides the consent: which event, by whom, and the chain to the previous receipt. */
export interface ReceiptContext {
  receiptId: string;
  eventId: string;
  event: ConsentEvent;
  actor: ReceiptActor;
  offer: ConsentedOffer;
  bank: { name: ConsentText; url: string };
  /** Where the individual withdraws the consent (the portal). */
  withdrawalUrl: string;
  /** base64url SHA-256 of the previous receipt (compact JWS) of this consent; null for the first. */
  previousReceiptHash: string | null;
}

/**
 * The payload of a consent receipt: the ISO/IEC TS 27560 consent-record fields (record and receipt
 * ids, PII principal, controller, recipient, purposes as DPV terms, items, data range and life,
 * fetch limits, processing countries, profiling, validity, the event and the withdrawal method) for
 * the consent as `state` stands after the event.
 */
export function receiptPayload(state: GrantedConsent, context: ReceiptContext): Record<string, unknown> {
  const { offer, event } = context;
  return {
    schemaVersion: CONSENT_RECEIPT_SCHEMA,
    recordId: state.consentId,
    receiptId: context.receiptId,
    piiPrincipalId: state.individualId,
    controller: { name: context.bank.name, url: context.bank.url, role: 'dpv:DataController' },
    recipients: [{ ...offer.recipient, role: 'dpv:ThirdParty' }],
    notice: { offerId: state.offerId, termsVersion: offer.termsVersion, onwardTransfer: 'forbidden' },
    purposes: [{ code: offer.purpose.code, dpv: offer.purpose.dpv, label: offer.purpose.label, text: offer.purpose.text }],
    items: state.items.map((itemId) => {
      const item = offer.items.find((candidate) => candidate.itemId === itemId);
      return { itemId, categoryId: item?.categoryId ?? null, sensitive: item?.sensitive ?? false };
    }),
    dataRange: offer.dataRange,
    dataLife: { days: offer.dataLifeDays },
    fetch: offer.fetch,
    processingCountries: offer.processingCountries,
    profiling: offer.profiling,
    mode: state.mode,
    validity: { from: state.grantedAt.toISOString(), until: state.expiresAt?.toISOString() ?? null, offerValidUntil: offer.validUntil },
    status: state.status,
    state: DPV_STATE[state.status],
    event: {
      id: context.eventId,
      type: event.type,
      version: state.version,
      time: event.at.toISOString(),
      actor: context.actor,
      source: state.source,
      ...eventDetail(event),
    },
    explanation: state.explanation satisfies ConsentExplanation | null,
    withdrawalMethod: { type: 'portal', url: context.withdrawalUrl },
    previousReceiptHash: context.previousReceiptHash,
  };
}

function eventDetail(event: ConsentEvent): Record<string, unknown> {
  if (event.type === 'consent_revoked') return { reason: event.reason };
  if (event.type === 'consent_expired') return { cause: event.cause };
  return {};
}
