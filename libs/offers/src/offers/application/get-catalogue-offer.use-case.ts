import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { SummaryLanguage } from '../domain/offer-summary';
import { OfferEntity } from '../infrastructure/offer.entity';
import { OfferNotFoundError } from '../../offers.errors';
import { catalogueOffers, visibleOffers, withSummary, type CatalogueOfferDetail } from './catalogue-view';

/**
 * One catalogue offer with its plain-language summary in the individual's language. An offer
 * individuals may not see (draft, under review, rejected, suspended, withdrawn, expired) reads as not found.
 */
@Injectable()
export class GetCatalogueOfferUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganisationDirectory,
  ) {}

  async execute(_ctx: RequestContext, query: { offerId: string; language: SummaryLanguage }): Promise<CatalogueOfferDetail> {
    const notFound = new OfferNotFoundError(String(query.offerId).slice(0, 64));
    if (!isUuid(query.offerId)) throw notFound;
    const manager = this.dataSource.manager;
    const offer = await manager.findOne(OfferEntity, { where: visibleOffers(new Date(), { id: query.offerId }) });
    const [entry] = offer === null ? [] : await catalogueOffers(manager, this.directory, [offer]);
    if (entry === undefined) throw notFound;
    return withSummary(entry, query.language === 'en' ? 'en' : 'ja');
  }
}
