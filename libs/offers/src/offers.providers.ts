import type { Provider } from '@nestjs/common';
import { CreateOfferUseCase } from './application/create-offer.use-case';
import { GetCatalogueOfferUseCase } from './application/get-catalogue-offer.use-case';
import { GetOfferForProvisionUseCase } from './application/get-offer-for-provision.use-case';
import { GetOfferForReviewUseCase } from './application/get-offer-for-review.use-case';
import { GetOwnOfferUseCase } from './application/get-own-offer.use-case';
import { ListCatalogueOffersUseCase } from './application/list-catalogue-offers.use-case';
import { ListOwnOffersUseCase } from './application/list-own-offers.use-case';
import { ListRecipientOffersForReviewUseCase } from './application/list-recipient-offers-for-review.use-case';
import { RecordReviewOutcomeUseCase } from './application/record-review-outcome.use-case';
import { SetOffersSuspendedUseCase } from './application/set-offers-suspended.use-case';
import { SubmitOfferUseCase } from './application/submit-offer.use-case';
import { UpdateOfferUseCase } from './application/update-offer.use-case';
import { WithdrawOfferUseCase } from './application/withdraw-offer.use-case';

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
