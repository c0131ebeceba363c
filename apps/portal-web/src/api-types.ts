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
  subject: { type: 'consent' | 'approval_request' | 'offer' | 'incident'; id: string };
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
