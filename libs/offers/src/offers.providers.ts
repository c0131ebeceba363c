import type { Provider } from '@nestjs/common';
import { CreateOfferUseCase } from './offers/application/create-offer.use-case';
import { GetCatalogueOfferUseCase } from './offers/application/get-catalogue-offer.use-case';
import { GetOfferForProvisionUseCase } from './offers/application/get-offer-for-provision.use-case';
import { GetOfferForReviewUseCase } from './offers/application/get-offer-for-review.use-case';
import { GetOwnOfferUseCase } from './offers/application/get-own-offer.use-case';
import { ListCatalogueOffersUseCase } from './offers/application/list-catalogue-offers.use-case';
import { ListOwnOffersUseCase } from './offers/application/list-own-offers.use-case';
import { ListRecipientOffersForReviewUseCase } from './offers/application/list-recipient-offers-for-review.use-case';
import { RecordReviewOutcomeUseCase } from './offers/application/record-review-outcome.use-case';
import { SetOffersSuspendedUseCase } from './offers/application/set-offers-suspended.use-case';
import { SubmitOfferUseCase } from './offers/application/submit-offer.use-case';
import { UpdateOfferUseCase } from './offers/application/update-offer.use-case';
import { WithdrawOfferUseCase } from './offers/application/withdraw-offer.use-case';
import { OfferReviewOutcomeStore } from './offers/infrastructure/offer-review-outcome.store';
import { OfferStore } from './offers/infrastructure/offer.store';

/** Every use case of libs/offers (exported by OffersModule). */
export const OFFER_PROVIDERS: Provider[] = [
  // Recipients (gateway).
  CreateOfferUseCase,
  UpdateOfferUseCase,
  SubmitOfferUseCase,
  WithdrawOfferUseCase,
  ListOwnOffersUseCase,
  GetOwnOfferUseCase,
  // The data ethics board (libs/review).
  GetOfferForReviewUseCase,
  ListRecipientOffersForReviewUseCase,
  RecordReviewOutcomeUseCase,
  SetOffersSuspendedUseCase,
  // Individuals (portal).
  ListCatalogueOffersUseCase,
  GetCatalogueOfferUseCase,
  // Transfers (libs/provision, the worker).
  GetOfferForProvisionUseCase,
];

/** The stores behind them (internal to OffersModule). */
export const OFFER_STORES: Provider[] = [OfferStore, OfferReviewOutcomeStore];
