import { Module } from '@nestjs/common';
import { OffersModule } from '@infobank/offers';
import { CatalogueController } from './catalogue.controller';

/** The portal's offer catalogue; guarded by the portal's sessions (PortalAuthModule is global). */
@Module({ imports: [OffersModule], controllers: [CatalogueController] })
export class PortalOffersModule {}
