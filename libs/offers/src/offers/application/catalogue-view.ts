import { findDataItem, findPurpose, type OrganisationDirectory, type OrganisationProfile } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { ONWARD_TRANSFER, type OfferConditions, type OfferText } from '../domain/offer';
import { summariseOffer, type OfferSummary, type SummaryLanguage } from '../domain/offer-summary';
import type { OfferReviewOutcomeEntity } from '../infrastructure/offer-review-outcome.entity';
import type { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import type { OfferEntity } from '../infrastructure/offer.entity';
import { conditionsOf, snapshotItem } from '../infrastructure/offer-snapshot';

/** An approved offer as individuals browse it: who asks, for what, why, for how long, and what they get. */
export interface CatalogueOffer extends OfferConditions {
  id: string;
  recipient: { id: string; name: OfferText; corporateNumber: string; country: string };
  purpose: { code: string; label: { ja: string; en: string }; dpv: string };
  purposeText: OfferText;
  items: { itemId: string; categoryId: string; label: { ja: string; en: string }; required: boolean; sensitive: boolean }[];
  onwardTransfer: typeof ONWARD_TRANSFER;
  termsVersion: string;
  validUntil: string;
  /** When the data ethics board approved the offer. */
  approvedAt: string | null;
}

/** A catalogue offer with its plain-language summary in the individual's language. */
export interface CatalogueOfferDetail extends CatalogueOffer {
  language: SummaryLanguage;
  summary: OfferSummary;
}

/**
 * The catalogue entries of these rows, leaving out offers whose recipient is unknown or suspended by
 * the operator (it could not receive anything anyway).
 */
export async function catalogueOffers(
  ctx: RequestContext,
  from: { directory: OrganisationDirectory; outcomes: OfferReviewOutcomeStore },
  offers: OfferEntity[],
): Promise<CatalogueOffer[]> {
  if (offers.length === 0) return [];
  const profiles = await from.directory.findProfiles(
    ctx,
    offers.map((offer) => offer.recipientId),
  );
  const approvals = await from.outcomes.approvalsOf(
    ctx,
    offers.map((offer) => offer.id),
  );
  return catalogueEntries(offers, profiles, approvals);
}

/** The catalogue entries of these rows, given their recipients' profiles and their approvals (as `catalogueOffers`). */
export function catalogueEntries(
  offers: readonly OfferEntity[],
  profiles: ReadonlyMap<string, OrganisationProfile>,
  approvals: readonly OfferReviewOutcomeEntity[],
): CatalogueOffer[] {
  return offers.flatMap((offer) => {
    const recipient = profiles.get(offer.recipientId);
    if (recipient === undefined || recipient.status !== 'active') return [];
    const approval = approvals.find((outcome) => outcome.offerId === offer.id && outcome.round === offer.round);
    return [catalogueOffer(offer, recipient, approval?.decidedAt ?? null)];
  });
}

function catalogueOffer(offer: OfferEntity, recipient: OrganisationProfile, approvedAt: Date | null): CatalogueOffer {
  const purpose = findPurpose(offer.purposeCode);
  return {
    id: offer.id,
    recipient: { id: recipient.id, name: recipient.name, corporateNumber: recipient.corporateNumber, country: recipient.country },
    purpose: {
      code: offer.purposeCode,
      label: purpose?.label ?? { ja: offer.purposeCode, en: offer.purposeCode },
      dpv: purpose?.dpv ?? '',
    },
    purposeText: offer.purposeText,
    items: offer.items.map((item) => ({
      ...snapshotItem(item),
      label: findDataItem(item.itemId)?.label ?? { ja: item.itemId, en: item.itemId },
    })),
    ...conditionsOf(offer),
    onwardTransfer: ONWARD_TRANSFER,
    termsVersion: offer.termsVersion,
    validUntil: offer.validUntil.toISOString(),
    approvedAt: approvedAt?.toISOString() ?? null,
  };
}

/** The entry with its plain-language summary in `language`. */
export function withSummary(offer: CatalogueOffer, language: SummaryLanguage): CatalogueOfferDetail {
  const purpose = findPurpose(offer.purpose.code);
  const summary = summariseOffer(
    {
      ...offer,
      purpose: { label: offer.purpose.label, description: purpose?.description ?? offer.purpose.label },
      decidedAt: offer.approvedAt === null ? null : new Date(offer.approvedAt),
    },
    language,
  );
  return { ...offer, language, summary };
}
