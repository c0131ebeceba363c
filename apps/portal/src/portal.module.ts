import { Module } from '@nestjs/common';
import { CatalogHttpModule, CatalogModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { PortalAuthModule } from './auth/portal-auth.module';
import { PortalDataModule } from './data/portal-data.module';
import { PortalLinksModule } from './links/portal-links.module';
import { PortalOffersModule } from './offers/catalogue.module';

/**
 * The individuals' API (本人向け): links, deposited data and its erasure, account closure, consents,
 * provision history, disclosure requests.
 */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    PortalAuthModule.forRoot(),
    CatalogModule.forRoot(),
    PortalLinksModule,
    PortalOffersModule,
    PortalDataModule,
  ],
})
export class PortalModule {}
