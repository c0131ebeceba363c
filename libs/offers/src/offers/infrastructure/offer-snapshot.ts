import { categoryOfItem, findDataItem } from '@infobank/catalog';
import { effectiveStatus, type OfferConditions, type OfferSnapshot, type OfferSnapshotItem } from '../domain/offer';
import type { OfferEntity } from './offer.entity';

/** An offer item with its category and sensitivity looked up in the catalog. */
export function snapshotItem(item: { itemId: string; required: boolean }): OfferSnapshotItem {
  return {
    itemId: item.itemId,
    categoryId: categoryOfItem(item.itemId)?.code ?? item.itemId.slice(0, item.itemId.indexOf('#')),
    required: item.required,
    sensitive: findDataItem(item.itemId)?.sensitivity === 'sensitive',
  };
}

/** The conditions of use stored on the row. */
export function conditionsOf(offer: OfferEntity): OfferConditions {
  return {
    dataRange: offer.dataRange,
    fetch: offer.fetch,
    dataLifeDays: offer.dataLifeDays,
    benefit: offer.benefit,
    processingCountries: [...offer.processingCountries],
    profiling: offer.profiling,
  };
}

/** The offer row as other contexts read it, with the status it has at `now` (expiry included). */
export function toOfferSnapshot(offer: OfferEntity, now: Date): OfferSnapshot {
  return {
    id: offer.id,
    recipientId: offer.recipientId,
    status: effectiveStatus(offer.status, offer.validUntil, now),
    round: offer.round,
    purposeCode: offer.purposeCode,
    purposeText: offer.purposeText,
    items: offer.items.map(snapshotItem),
    ...conditionsOf(offer),
    termsVersion: offer.termsVersion,
    validUntil: offer.validUntil.toISOString(),
    submittedAt: offer.submittedAt?.toISOString() ?? null,
  };
}
