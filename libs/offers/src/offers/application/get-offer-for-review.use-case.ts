import { Injectable } from '@nestjs/common';
import { actorIsOneOf, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { OfferSnapshot } from '../domain/offer';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferNotFoundError } from '../../offers.errors';
import { loadOffer, REVIEW_SIDE } from './offer-access';

/** Any offer as the data ethics board reviews it (board members, the worker, the operator only). */
@Injectable()
export class GetOfferForReviewUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** The offer's snapshot; OfferNotFoundError when it does not exist or the actor is not on the bank's side. */
  async execute(ctx: RequestContext, offerId: string): Promise<OfferSnapshot> {
    if (!actorIsOneOf(ctx.actor, REVIEW_SIDE)) throw new OfferNotFoundError(String(offerId).slice(0, 64));
    return toOfferSnapshot(await loadOffer(ctx.transaction ?? this.dataSource.manager, offerId));
  }
}
