// The shapes of the portal API's answers that the screens read (see the README's API sections).

export interface Text {
  ja: string;
  en?: string;
}

export interface Holding {
  providerId: string;
  providerName: Text;
  category: string;
  categoryLabel: Text;
  count: number;
  latestObservedAt: string;
}

export interface ConsentSummary {
  consentId: string;
  offerId: string;
  recipient: { id: string; name: Text };
  purpose: { code: string; label?: Text };
  state: 'active' | 'paused' | 'revoked' | 'expired';
  mode: 'auto' | 'ask';
  items: string[];
  expiresAt: string | null;
  grantedAt: string;
  version: number;
}

export interface Provision {
  id: string;
  recipient: { id: string; name: Text };
  offer: { id: string; purposeCode: string; purpose: Text };
  itemLabels: { itemId: string; label: Text }[];
  records: number;
  providedAt: string;
  benefit: { type: string; amount?: number; description: Text } | null;
  dataLifeEndsAt: string;
}

export interface CatalogueOffer {
  id: string;
  recipient: { id: string; name: Text; corporateNumber: string; country: string };
  purpose: { code: string; label: Text };
  purposeText: Text;
  items: { itemId: string; categoryId: string; label: Text; required: boolean; sensitive: boolean }[];
  dataLifeDays: number;
  benefit: { type: string; amount?: number; description: Text };
  processingCountries: string[];
  profiling: boolean;
  validUntil: string;
  approvedAt: string | null;
}

export interface OfferDetail extends CatalogueOffer {
  summary: Record<
    'recipient' | 'receives' | 'purpose' | 'retention' | 'benefit' | 'processing' | 'profiling' | 'onwardTransfer' | 'boardDecision',
    string
  >;
}

export interface Notification {
  notificationId: string;
  kind: string;
  subject: { type: 'consent' | 'approval_request' | 'offer' | 'disclosure' | 'complaint' | 'incident'; id: string };
  message: { title: { ja: string; en: string }; lines: { ja: string[]; en: string[] } };
  createdAt: string;
  readAt: string | null;
}

export interface Approval {
  approvalRequestId: string;
  consentId: string;
  offerId: string;
  status: string;
  requestedAt: string;
  expiresAt: string;
}

export interface Catalog {
  categories: { code: string; label: Text; items: { id: string; label: Text }[] }[];
  purposes: { code: string; label: Text }[];
}

/** A version of the bank's terms (GET /v1/terms/current). */
export interface Terms {
  audience: 'individual';
  version: string;
  publishedAt: string;
  ja: string;
  en: string;
}

/** My side of the terms (GET /v1/me/terms). */
export interface MyTerms {
  current: { version: string; publishedAt: string } | null;
  acceptanceRequired: string | null;
  acceptances: { audience: string; version: string; acceptedAt: string; method: 'registration' | 'portal' | 'api' | 'paper' }[];
}

/** The sections a disclosure bundle may hold. */
export const DISCLOSURE_SECTIONS = ['profile', 'links', 'records', 'consents', 'provisions', 'benefits', 'notices', 'complaints'] as const;
export type DisclosureSection = (typeof DISCLOSURE_SECTIONS)[number];

/** GET /v1/me/disclosures: one of my disclosure requests (開示請求). */
export interface Disclosure {
  disclosureId: string;
  sections: DisclosureSection[];
  format: 'json' | 'csv';
  status: 'requested' | 'building' | 'ready' | 'expired';
  requestedAt: string;
  dueAt: string;
  overdue: boolean;
  readyAt: string | null;
  expiresAt: string | null;
  expiredAt: string | null;
}

/** What a complaint is about (the complaints desk's categories). */
export const COMPLAINT_CATEGORIES = ['consent', 'provision', 'recipient', 'data_handling', 'account', 'benefit', 'other'] as const;

/** One of my complaints, as the list shows it (GET /v1/me/complaints). */
export interface ComplaintSummary {
  id: string;
  category: (typeof COMPLAINT_CATEGORIES)[number];
  status: 'open' | 'in_progress' | 'awaiting_information' | 'closed';
  escalated: boolean;
  filedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** One of my complaints with its thread (GET /v1/me/complaints/:id). */
export interface ComplaintThread extends ComplaintSummary {
  messages: {
    type: 'filed' | 'replied' | 'information_requested' | 'information_provided' | 'escalated' | 'closed';
    by: 'you' | 'desk';
    at: string;
    text: string | null;
  }[];
}

/** An incident that affected me, with the ids of my provisions it concerns (`GET /v1/me/incidents`). */
export interface MyIncident {
  id: string;
  kind: 'recipient_breach' | 'provider_breach' | 'bank_breach';
  state: 'open' | 'notifying' | 'notified' | 'closed';
  organisation: { id: string; name: Text } | null;
  from: string;
  to: string;
  items: { id: string; label: Text }[];
  records: number;
  provisionIds: string[];
  notifiedAt: string;
}
