import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { OFFER_PROVIDERS, OFFER_STORES } from './offers.providers';

/**
 * Recipients' data-use offers and their lifecycle: drafting and submitting (gateway), the board's
 * outcomes and stop-use orders (libs/review), and the catalogue individuals browse (portal).
 * Needs TypeORM's DataSource (PlatformModule); reads organisations through the catalog.
 */
@Module({ imports: [CatalogModule], providers: [...OFFER_PROVIDERS, ...OFFER_STORES], exports: OFFER_PROVIDERS })
export class OffersModule {}
