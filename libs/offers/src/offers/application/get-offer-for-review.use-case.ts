import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { actorIsOneOf } from '@infobank/platform';
import type { OfferSnapshot } from '../domain/offer';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferNotFoundError } from '../../offers.errors';
import { REVIEW_SIDE } from './offer-access';

/** Any offer as the data ethics board reviews it (board members, the worker, the operator only). */
@Injectable()
export class GetOfferForReviewUseCase {
  constructor(private readonly offers: OfferStore) {}

  /** The offer's snapshot; OfferNotFoundError when it does not exist or the actor is not on the bank's side. */
  async execute(ctx: RequestContext, offerId: string): Promise<OfferSnapshot> {
    if (!actorIsOneOf(ctx.actor, REVIEW_SIDE)) throw new OfferNotFoundError(String(offerId).slice(0, 64));
    return toOfferSnapshot(await this.offers.load(ctx, offerId), ctx.now());
  }
}
