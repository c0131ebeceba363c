import { ValidationFailedError } from '@infobank/platform';
import type { OfferTerms } from '../domain/offer';
import { normaliseOfferTerms, offerTermsProblems } from '../domain/offer-terms';
import { snapshotItem } from '../infrastructure/offer-snapshot';
import type { OfferEntity } from '../infrastructure/offer.entity';

/** Checks terms as a whole at `now` and returns the row columns they set; VALIDATION_FAILED names every bad field. */
export function termColumns(
  terms: unknown,
  now: Date,
): Omit<OfferEntity, 'id' | 'recipientId' | 'status' | 'round' | 'submittedAt' | 'createdAt' | 'updatedAt'> {
  const problems = offerTermsProblems(terms, now);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const valid = normaliseOfferTerms(terms as OfferTerms);
  return {
    ...valid,
    categoryCodes: [...new Set(valid.items.map((item) => snapshotItem(item).categoryId))],
    validUntil: new Date(valid.validUntil),
  };
}
