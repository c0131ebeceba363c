import { OfferReviewOutcomeEntity } from './offer-review-outcome.entity';
import { OfferEntity } from './offer.entity';

/** The tables libs/offers contributes to the application's data source. */
export const OFFER_ENTITIES = [OfferEntity, OfferReviewOutcomeEntity];
