import { Module } from '@nestjs/common';
import { OrganisationClientModule } from '@infobank/auth';
import { CatalogHttpModule, CatalogModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { ContractsModule, organisationContractController } from '@infobank/rights';
import { TransparencyLogHttpModule } from '@infobank/transparency-log';
import { VaultModule } from '@infobank/vault';
import { INTAKE_ERROR_STATUS } from './intake.errors';
import { DEPOSIT_ROUTE, DepositBodyParsing } from './deposits/deposit-body';
import { DepositsController } from './deposits/deposits.controller';
import { LinksController } from './links/links.controller';
import { OrganisationController } from './organisation/organisation.controller';

/** How the intake is built as an HTTP app (shared by main.ts and the end-to-end tests). */
export const INTAKE_HTTP_OPTIONS = {
  title: 'Infobank intake API',
  description: "The providers' API (情報提供元向け): linking customers and depositing their records.",
  // POST /oauth/token takes form bodies (RFC 6749 §4.4).
  acceptFormBodies: true,
  errorStatus: INTAKE_ERROR_STATUS,
};

/** The providers' API (情報提供元向け): linking customers and depositing their records. */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    TransparencyLogHttpModule,
    ContractsModule,
    // Deposits are up to 10 MB: the provider is authenticated before the body is read.
    OrganisationClientModule.forApi({ api: 'intake', role: 'provider', authenticateBeforeBody: [{ method: 'POST', url: DEPOSIT_ROUTE }] }),
    CatalogModule.forRoot(),
    VaultModule,
  ],
  providers: [DepositBodyParsing],
  controllers: [OrganisationController, organisationContractController('provider'), LinksController, DepositsController],
})
export class IntakeModule {}
