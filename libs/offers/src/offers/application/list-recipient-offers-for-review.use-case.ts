import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { actorIsOneOf, type RequestContext } from '@infobank/platform';
import { DataSource, MoreThan } from 'typeorm';
import type { OfferSnapshot } from '../domain/offer';
import { OfferEntity } from '../infrastructure/offer.entity';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { REVIEW_SIDE } from './offer-access';

/** Upper bound on one recipient's offers the board sees at once. */
const MAX_OFFERS = 500;

/**
 * Every offer a recipient has submitted to the board (drafts never submitted are the recipient's
 * own business), newest first: the recipient's track record for a reviewer.
 */
@Injectable()
export class ListRecipientOffersForReviewUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, recipientId: string): Promise<OfferSnapshot[]> {
    if (!actorIsOneOf(ctx.actor, REVIEW_SIDE) || !isUuid(recipientId)) return [];
    const manager = ctx.transaction ?? this.dataSource.manager;
    const offers = await manager.find(OfferEntity, {
      where: { recipientId, round: MoreThan(0) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: MAX_OFFERS,
    });
    const now = new Date();
    return offers.map((offer) => toOfferSnapshot(offer, now));
  }
}
