import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { OffersModule } from '@infobank/offers';
import { RightsModule } from '@infobank/rights';
import { TransparencyLogModule } from '@infobank/transparency-log';
import {
  PauseConsentUseCase,
  ResumeConsentUseCase,
  RevokeConsentsOfClosedAccountUseCase,
  RevokeConsentUseCase,
} from './consents/application/change-consent.use-cases';
import { ConsentEligibility } from './consents/application/consent-eligibility';
import { ConsentLedger } from './consents/application/consent-ledger';
import { ExpireConsentsUseCase } from './consents/application/expire-consents.use-case';
import { GrantConsentUseCase } from './consents/application/grant-consent.use-case';
import { ListConsentsForOfferUseCase } from './consents/application/list-consents-for-offer.use-case';
import { LockConsentsForProvisionUseCase } from './consents/application/lock-consents-for-provision.use-case';
import {
  GetConsentProofUseCase,
  GetOwnConsentUseCase,
  ListConsentReceiptsUseCase,
  ListConsentsUseCase,
} from './consents/application/read-consents.use-cases';
import { ConsentEventStore } from './consents/infrastructure/consent-event.store';
import { ConsentStore } from './consents/infrastructure/consent.store';

const CONSENT_LEDGER_PROVIDERS = [
  GrantConsentUseCase,
  PauseConsentUseCase,
  ResumeConsentUseCase,
  RevokeConsentUseCase,
  ListConsentsUseCase,
  GetOwnConsentUseCase,
  ListConsentReceiptsUseCase,
  GetConsentProofUseCase,
  ExpireConsentsUseCase,
  RevokeConsentsOfClosedAccountUseCase,
  ListConsentsForOfferUseCase,
  LockConsentsForProvisionUseCase,
];

/**
 * The consent ledger: grants, pauses, resumes, revocations and expiries with signed receipts, each
 * event a transparency log leaf. Needs TypeORM's DataSource, Transactions and APP_CONFIG (PlatformModule), the
 * bank's key ring (CryptoModule) and the catalog (CatalogModule.forRoot()).
 */
@Module({
  imports: [AccountsModule, OffersModule, RightsModule, TransparencyLogModule],
  providers: [...CONSENT_LEDGER_PROVIDERS, ConsentLedger, ConsentStore, ConsentEventStore, ConsentEligibility],
  exports: CONSENT_LEDGER_PROVIDERS,
})
export class ConsentModule {}
