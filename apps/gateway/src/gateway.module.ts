import { Module } from '@nestjs/common';
import { OrganisationClientModule } from '@infobank/auth';
import { CatalogHttpModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { OffersModule } from '@infobank/offers';
import { ProvisionModule } from '@infobank/provision';
import { RevocationModule } from '@infobank/revocation';
import { ContractsModule, organisationContractController } from '@infobank/rights';
import { TransparencyLogHttpModule } from '@infobank/transparency-log';
import { GATEWAY_ERROR_STATUS } from './gateway.errors';
import { ATTESTATION_ROUTE, AttestationBodyParsing } from './notices/attestation-body';
import { NoticesController } from './notices/notices.controller';
import { OffersController } from './offers/offers.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { TransfersController } from './transfers/transfers.controller';

/** How the gateway is built as an HTTP app (shared by main.ts and the end-to-end tests). */
export const GATEWAY_HTTP_OPTIONS = {
  title: 'Infobank gateway API',
  description: "The recipients' API (提供先向け): offers, transfers and deletion attestations.",
  // POST /oauth/token takes form bodies (RFC 6749 §4.4).
  acceptFormBodies: true,
  errorStatus: GATEWAY_ERROR_STATUS,
};

/** The recipients' API (提供先向け): offers, transfers and deletion attestations. */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    TransparencyLogHttpModule,
    ContractsModule,
    // Attestations are read only once the recipient is authenticated.
    OrganisationClientModule.forApi({
      api: 'gateway',
      role: 'recipient',
      authenticateBeforeBody: [{ method: 'POST', url: ATTESTATION_ROUTE }],
    }),
    OffersModule,
    ProvisionModule,
    RevocationModule,
  ],
  controllers: [
    OrganisationController,
    organisationContractController('recipient'),
    OffersController,
    TransfersController,
    NoticesController,
  ],
  providers: [AttestationBodyParsing],
})
export class GatewayModule {}
