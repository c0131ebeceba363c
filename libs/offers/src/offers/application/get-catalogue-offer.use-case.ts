import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import type { RequestContext, SqlPiece } from '@infobank/platform';
import type { SummaryLanguage } from '../domain/offer-summary';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferNotFoundError } from '../../offers.errors';
import { catalogueOffers, withSummary, type CatalogueOfferDetail } from './catalogue-view';

/**
 * One catalogue offer with its plain-language summary in the individual's language. An offer
 * individuals may not see (draft, under review, rejected, suspended, withdrawn, expired) reads as not found.
 */
@Injectable()
export class GetCatalogueOfferUseCase {
  constructor(
    private readonly offers: OfferStore,
    private readonly outcomes: OfferReviewOutcomeStore,
    private readonly directory: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, query: { offerId: string; language: SummaryLanguage }): Promise<CatalogueOfferDetail> {
    const notFound = new OfferNotFoundError(String(query.offerId).slice(0, 64));
    if (!isUuid(query.offerId)) throw notFound;
    const offer = await this.offers.findVisible(ctx, query.offerId, ctx.now());
    const [entry] = offer === null ? [] : await catalogueOffers(ctx, { directory: this.directory, outcomes: this.outcomes }, [offer]);
    if (entry === undefined) throw notFound;
    return withSummary(entry, query.language === 'en' ? 'en' : 'ja');
  }

  /**
   * For a consent written after this read: a statement piece selecting the offer's id only if individuals may
   * still see it when the write commits, its row locked FOR SHARE until then (the write inserts nothing when empty).
   */
  stillVisiblePiece(offerId: string, at: Date): SqlPiece {
    return this.offers.visibleLockedPiece(offerId, at);
  }
}
