// The public surface of libs/offers: recipients' data-use offers and their lifecycle.
export type { CatalogueOffer, CatalogueOfferDetail } from './offers/application/catalogue-view';
export { CreateOfferUseCase } from './offers/application/create-offer.use-case';
export { GetCatalogueOfferUseCase } from './offers/application/get-catalogue-offer.use-case';
export { GetOfferForProvisionUseCase, type GetOfferForProvisionOptions } from './offers/application/get-offer-for-provision.use-case';
export { GetOfferForReviewUseCase } from './offers/application/get-offer-for-review.use-case';
export { GetOwnOfferUseCase } from './offers/application/get-own-offer.use-case';
export { ListCatalogueOffersUseCase, type CatalogueFilter } from './offers/application/list-catalogue-offers.use-case';
export { ListOwnOffersUseCase } from './offers/application/list-own-offers.use-case';
export { ListRecipientOffersForReviewUseCase } from './offers/application/list-recipient-offers-for-review.use-case';
export type { RecipientOfferView } from './offers/application/recipient-offer-view';
export { RecordReviewOutcomeUseCase, type RecordReviewOutcomeCommand } from './offers/application/record-review-outcome.use-case';
export {
  SetOffersSuspendedUseCase,
  type SetOffersSuspendedCommand,
  type SuspensionTarget,
} from './offers/application/set-offers-suspended.use-case';
export { SubmitOfferUseCase } from './offers/application/submit-offer.use-case';
export { UpdateOfferUseCase, type UpdateOfferCommand } from './offers/application/update-offer.use-case';
export { WithdrawOfferUseCase } from './offers/application/withdraw-offer.use-case';
export * from './offers/domain/offer';
export { OFFER_LIMITS } from './offers/domain/offer-terms';
export type { OfferSummary, SummaryLanguage } from './offers/domain/offer-summary';
export { OFFER_ENTITIES } from './offers/infrastructure/offers.entities';
export * from './offers.errors';
export { OFFER_APPROVED_JOB, OFFER_JOBS, OPEN_REVIEW_CASE_JOB } from './offers.jobs';
export { OffersModule } from './offers.module';
