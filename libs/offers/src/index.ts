// The public surface of libs/offers: recipients' data-use offers and their lifecycle.
export type { CatalogueOffer, CatalogueOfferDetail } from './application/catalogue-view';
export { CreateOfferUseCase } from './application/create-offer.use-case';
export { GetCatalogueOfferUseCase } from './application/get-catalogue-offer.use-case';
export { GetOfferForProvisionUseCase, type GetOfferForProvisionOptions } from './application/get-offer-for-provision.use-case';
export { GetOfferForReviewUseCase } from './application/get-offer-for-review.use-case';
export { GetOwnOfferUseCase } from './application/get-own-offer.use-case';
export { ListCatalogueOffersUseCase, type CatalogueFilter } from './application/list-catalogue-offers.use-case';
export { ListOwnOffersUseCase } from './application/list-own-offers.use-case';
export { ListRecipientOffersForReviewUseCase } from './application/list-recipient-offers-for-review.use-case';
export type { RecipientOfferView } from './application/recipient-offer-view';
export { RecordReviewOutcomeUseCase, type RecordReviewOutcomeCommand } from './application/record-review-outcome.use-case';
export {
  SetOffersSuspendedUseCase,
  type SetOffersSuspendedCommand,
  type SuspensionTarget,
} from './application/set-offers-suspended.use-case';
export { SubmitOfferUseCase } from './application/submit-offer.use-case';
export { UpdateOfferUseCase, type UpdateOfferCommand } from './application/update-offer.use-case';
export { WithdrawOfferUseCase } from './application/withdraw-offer.use-case';
export * from './domain/offer';
export { OFFER_LIMITS } from './domain/offer-terms';
export type { OfferSummary, SummaryLanguage } from './domain/offer-summary';
export { OFFER_ENTITIES } from './infrastructure/offers.entities';
export * from './offers.errors';
export { OFFER_APPROVED_JOB, OFFER_JOBS, OPEN_REVIEW_CASE_JOB } from './offers.jobs';
export { OffersModule } from './offers.module';
