import { Module } from '@nestjs/common';
import { CatalogHttpModule, CatalogModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { PortalAuthModule } from './auth/portal-auth.module';
import { PortalLinksModule } from './links/portal-links.module';
import { PortalOffersModule } from './offers/catalogue.module';

/** The individuals' API (本人向け): links, consents, provision history, disclosure requests. */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    PortalAuthModule.forRoot(),
    CatalogModule.forRoot(),
    PortalLinksModule,
    PortalOffersModule,
  ],
})
export class PortalModule {}
