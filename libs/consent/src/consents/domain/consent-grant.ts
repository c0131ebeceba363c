import type { CatalogueOfferDetail } from '@infobank/offers';
import type { FieldProblem } from '@infobank/platform';
import { CONSENT_MODES, type ConsentExplanation, type ConsentMode, type ConsentSource } from './consent';
import type { ConsentedOffer } from './consent-receipt';

/** What granting a consent needs: the offer, the optional items chosen, the mode and an optional end. */
export interface GrantConsentCommand {
  offerId: string;
  /** Optional items of the offer the individual also consents to (the required ones always are). */
  optionalItems: string[];
  mode: ConsentMode;
  /** ISO 8601 instant after which the consent lets nothing out. */
  expiresAt?: string | null;
  /** For an offer processed outside Japan: must equal its processing countries. */
  acknowledgedCountries?: string[];
  /** The portal verified a fresh step-up token with this request (needed for sensitive items). */
  stepUp?: boolean;
  /** `standing_condition`: the bank grants on the individual's behalf (system actors only; never sensitive items). */
  source?: ConsentSource;
  /** Required with `standing_condition`: each criterion checked, in Japanese and English. */
  explanation?: ConsentExplanation;
  /** The individual, for `standing_condition` grants (an individual actor always grants for themself). */
  individualId?: string;
}

/** What the grant rules read of the offer consented to. */
export type GrantableOffer = Pick<CatalogueOfferDetail, 'items' | 'processingCountries'>;

/**
 * What is wrong with a grant of `offer` at `now`: an unknown mode, optional items that are not the
 * offer's (or listed twice), an end not in the future, processing countries abroad not acknowledged
 * exactly, or a standing-condition grant without its explanation. Empty when the grant may go ahead.
 */
export function grantProblems(command: GrantConsentCommand, offer: GrantableOffer, source: ConsentSource, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!CONSENT_MODES.includes(command.mode)) problems.push({ path: '/mode', message: `must be one of ${CONSENT_MODES.join(', ')}` });
  const optional = new Set(offer.items.filter((item) => !item.required).map((item) => item.itemId));
  command.optionalItems.forEach((itemId, index) => {
    if (!optional.has(itemId)) problems.push({ path: `/optionalItems/${index}`, message: 'is not an optional item of this offer' });
    else if (command.optionalItems.indexOf(itemId) !== index)
      problems.push({ path: `/optionalItems/${index}`, message: 'is listed twice' });
  });
  if (command.expiresAt !== undefined && command.expiresAt !== null) {
    const expiresAt = new Date(command.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) problems.push({ path: '/expiresAt', message: 'must be an ISO 8601 date-time' });
    else if (expiresAt.getTime() <= now.getTime()) problems.push({ path: '/expiresAt', message: 'must be in the future' });
  }
  const abroad = offer.processingCountries.some((country) => country !== 'JP');
  if (abroad && !sameCountries(command.acknowledgedCountries ?? [], offer.processingCountries)) {
    problems.push({
      path: '/acknowledgedCountries',
      message: `this offer is processed in ${offer.processingCountries.join(', ')}: acknowledge exactly these countries`,
    });
  }
  if (source === 'standing_condition' && (command.explanation === undefined || command.explanation.ja.length === 0)) {
    problems.push({ path: '/explanation', message: 'a standing-condition consent must explain each criterion checked' });
  }
  return problems;
}

function sameCountries(acknowledged: readonly string[], processing: readonly string[]): boolean {
  const a = [...new Set(acknowledged)].sort();
  const b = [...new Set(processing)].sort();
  return a.length === b.length && a.every((country, index) => country === b[index]);
}

/** The items a grant covers: every required item of the offer and the optional ones chosen, in the offer's order. */
export function grantedItems(offer: GrantableOffer, optionalItems: readonly string[]): string[] {
  return offer.items.filter((item) => item.required || optionalItems.includes(item.itemId)).map((item) => item.itemId);
}

/** The offer as the individual consents to it, kept with the consent for every receipt. */
export function consentedOffer(offer: CatalogueOfferDetail): ConsentedOffer {
  return {
    recipient: offer.recipient,
    purpose: { code: offer.purpose.code, dpv: offer.purpose.dpv, label: offer.purpose.label, text: offer.purposeText },
    items: offer.items.map(({ itemId, categoryId, required, sensitive }) => ({ itemId, categoryId, required, sensitive })),
    dataRange: offer.dataRange,
    fetch: offer.fetch,
    dataLifeDays: offer.dataLifeDays,
    processingCountries: offer.processingCountries,
    profiling: offer.profiling,
    termsVersion: offer.termsVersion,
    validUntil: offer.validUntil,
  };
}
