import { Module } from '@nestjs/common';
import { ConsentModule } from '@infobank/consent';
import { AccountsModule } from '@infobank/identity';
import { ProvisionModule } from '@infobank/provision';
import { RevocationModule } from '@infobank/revocation';
import { ComplaintsModule, RightsModule } from '@infobank/rights';
import { VaultModule } from '@infobank/vault';
import { BuildDisclosureUseCase } from './application/build-disclosure.use-case';
import { GetDisclosureTimelinessUseCase } from './application/disclosure-timeliness.use-case';
import { DownloadDisclosureUseCase, IssueDisclosureDownloadTokenUseCase } from './application/download-disclosure.use-cases';
import { ExpireDisclosuresUseCase } from './application/expire-disclosures.use-case';
import { GetMyDisclosureUseCase, ListMyDisclosuresUseCase } from './application/read-disclosures.use-cases';
import { RequestDisclosureUseCase } from './application/request-disclosure.use-case';
import { DisclosureSections, SECTION_COLLECTORS } from './application/sections/disclosure-sections';
import { DisclosureRequestStore } from './infrastructure/disclosure-request.store';

const REQUEST_PROVIDERS = [
  DisclosureRequestStore,
  RequestDisclosureUseCase,
  ListMyDisclosuresUseCase,
  GetMyDisclosureUseCase,
  IssueDisclosureDownloadTokenUseCase,
  DownloadDisclosureUseCase,
  ExpireDisclosuresUseCase,
  GetDisclosureTimelinessUseCase,
];

/**
 * Disclosure requests as the portal, the board and the schedule use them: asking, reading, download
 * tokens and downloads, expiry and the board's timeliness view. Needs the platform and the bank's crypto.
 */
@Module({ providers: REQUEST_PROVIDERS, exports: REQUEST_PROVIDERS })
export class DisclosureRequestsModule {}

/**
 * Building bundles (the worker): the section collectors over every library that holds something of
 * the individual's. Needs the platform, the bank's crypto and the catalog (CatalogModule.forRoot()).
 */
@Module({
  imports: [
    DisclosureRequestsModule,
    AccountsModule,
    VaultModule,
    ConsentModule,
    ProvisionModule,
    RevocationModule,
    RightsModule,
    ComplaintsModule,
  ],
  providers: [...SECTION_COLLECTORS, DisclosureSections, BuildDisclosureUseCase],
  exports: [BuildDisclosureUseCase],
})
export class DisclosureBuildModule {}
