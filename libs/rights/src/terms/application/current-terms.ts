import type { PublishedTerms, TermsAudience } from '../domain/terms';
import type { StoredTerms } from '../infrastructure/terms.store';

/** A version as read by anyone: its label, when it was published and its texts. */
export interface TermsView {
  audience: TermsAudience;
  version: string;
  publishedAt: string;
  ja: string;
  en: string;
}

/** One acceptance as shown to the party that gave it. */
export interface AcceptanceView {
  audience: TermsAudience;
  version: string;
  acceptedAt: string;
  method: string;
}

export function termsView(terms: PublishedTerms | StoredTerms): TermsView {
  return { audience: terms.audience, version: terms.version, publishedAt: terms.publishedAt.toISOString(), ja: terms.ja, en: terms.en };
}

export function acceptanceView(acceptance: { audience: TermsAudience; version: string; acceptedAt: Date; method: string }): AcceptanceView {
  return {
    audience: acceptance.audience,
    version: acceptance.version,
    acceptedAt: acceptance.acceptedAt.toISOString(),
    method: acceptance.method,
  };
}
