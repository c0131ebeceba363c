import { Module } from '@nestjs/common';
import { CatalogHttpModule, CatalogModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { WebAppModule } from '@infobank/platform';
import { TransparencyLogHttpModule } from '@infobank/transparency-log';
import { PortalApprovalsModule } from './approvals/portal-approvals.module';
import { PortalAuthModule } from './auth/portal-auth.module';
import { PortalBenefitsModule } from './benefits/portal-benefits.module';
import { PortalComplaintsModule } from './complaints/portal-complaints.module';
import { PortalConsentsModule } from './consents/portal-consents.module';
import { PortalDataModule } from './data/portal-data.module';
import { PortalDisclosuresModule } from './disclosures/portal-disclosures.module';
import { PortalHomeModule } from './home/portal-home.module';
import { PortalIncidentsModule } from './incidents/portal-incidents.module';
import { PortalLinksModule } from './links/portal-links.module';
import { PortalNotificationsModule } from './notifications/portal-notifications.module';
import { PortalOffersModule } from './offers/catalogue.module';
import { PortalProvisionsModule } from './provisions/portal-provisions.module';
import { PortalStandingConditionsModule } from './standing-conditions/portal-standing-conditions.module';
import { PortalTermsModule } from './terms/portal-terms.module';
import { PortalTransparencyModule } from './transparency/portal-transparency.module';
import { PortalWithdrawalsModule } from './withdrawals/portal-withdrawals.module';
import { PORTAL_ERROR_STATUS } from './portal.errors';

/** How the portal API is built as an HTTP app (shared by main.ts and the OpenAPI generator). */
export const PORTAL_HTTP_OPTIONS = {
  title: 'Infobank portal API',
  description: "The individuals' API (本人向け): links, consents, provision history, disclosure requests.",
  errorStatus: PORTAL_ERROR_STATUS,
};

/**
 * The individuals' API (本人向け): links, deposited data and its erasure, account closure, consents,
 * provision history, complaints to the complaints desk, disclosure requests, the public transparency statistics; and the individual's web
 * app (apps/portal-web) at `/`.
 */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    TransparencyLogHttpModule,
    PortalAuthModule.forRoot(),
    CatalogModule.forRoot(),
    PortalLinksModule,
    PortalOffersModule,
    PortalDataModule,
    PortalConsentsModule,
    PortalStandingConditionsModule,
    PortalApprovalsModule,
    PortalNotificationsModule,
    PortalBenefitsModule,
    PortalComplaintsModule,
    PortalProvisionsModule,
    PortalIncidentsModule,
    PortalWithdrawalsModule,
    PortalDisclosuresModule,
    PortalHomeModule,
    PortalTransparencyModule,
    PortalTermsModule,
    WebAppModule.forRoot('portal-web'),
  ],
})
export class PortalModule {}
