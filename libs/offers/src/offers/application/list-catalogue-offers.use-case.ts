import { Injectable } from '@nestjs/common';
import { findDataCategory, findPurpose, OrganisationDirectory } from '@infobank/catalog';
import { ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { catalogueOffers, type CatalogueOffer } from './catalogue-view';

/** Optional filters of the catalogue: a purpose code and a data category code from the catalog. */
export interface CatalogueFilter {
  purpose?: string;
  category?: string;
}

/** Most offers one catalogue page shows. */
export const MAX_CATALOGUE_OFFERS = 200;

/**
 * The offers individuals may consider: approved by the board, not suspended or withdrawn, still
 * valid, from an active recipient; newest first, filtered by purpose and category.
 */
@Injectable()
export class ListCatalogueOffersUseCase {
  constructor(
    private readonly offers: OfferStore,
    private readonly outcomes: OfferReviewOutcomeStore,
    private readonly directory: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, filter: CatalogueFilter = {}): Promise<CatalogueOffer[]> {
    const problems: FieldProblem[] = [];
    if (filter.purpose !== undefined && findPurpose(filter.purpose) === undefined) {
      problems.push({ path: '/purpose', message: 'must be a purpose code from the catalog' });
    }
    if (filter.category !== undefined && findDataCategory(filter.category) === undefined) {
      problems.push({ path: '/category', message: 'must be a data category code from the catalog' });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const offers = await this.offers.listVisible(
      ctx,
      ctx.now(),
      { purposeCode: filter.purpose, categoryCode: filter.category },
      MAX_CATALOGUE_OFFERS,
    );
    return catalogueOffers(ctx, { directory: this.directory, outcomes: this.outcomes }, offers);
  }
}
