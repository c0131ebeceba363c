import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { OffersModule } from '@infobank/offers';
import {
  AcceptMyTermsUseCase,
  GetCurrentTermsUseCase,
  GetMyTermsUseCase,
  IndividualAcceptanceRecorder,
  RegisterAcceptingTermsUseCase,
} from './application/individual-terms.use-cases';
import {
  AcceptOwnContractUseCase,
  ContractAcceptanceRecorder,
  GetOwnContractUseCase,
  RecordPaperAcceptanceUseCase,
} from './application/organisation-contract.use-cases';
import { ListTermsUseCase, PublishTermsUseCase } from './application/publish-terms.use-case';
import { SubmitOfferUnderContractUseCase } from './application/submit-offer-under-contract.use-case';
import { ConsentPrerequisites, RecipientContractGate } from './application/terms-gates';
import { TermsStore } from './infrastructure/terms.store';

const TERMS_PROVIDERS = [
  PublishTermsUseCase,
  ListTermsUseCase,
  GetCurrentTermsUseCase,
  GetMyTermsUseCase,
  AcceptMyTermsUseCase,
  RegisterAcceptingTermsUseCase,
  ConsentPrerequisites,
];

/**
 * The individuals' terms (利用規約・委任契約): publishing versions, reading the current one, accepting it,
 * and the consent prerequisites the consent context checks. Needs TypeORM's DataSource and Transactions.
 */
@Module({ providers: [...TERMS_PROVIDERS, IndividualAcceptanceRecorder, TermsStore], exports: TERMS_PROVIDERS })
export class TermsModule {}

const CONTRACT_PROVIDERS = [
  GetOwnContractUseCase,
  AcceptOwnContractUseCase,
  RecordPaperAcceptanceUseCase,
  RecipientContractGate,
  SubmitOfferUnderContractUseCase,
];

/**
 * Organisations' contracts (recipient and provider): reading and accepting them through their own
 * APIs, paper acceptances recorded by the operator, and the recipient's gate on submitting offers.
 */
@Module({
  imports: [CatalogModule, OffersModule],
  providers: [...CONTRACT_PROVIDERS, ContractAcceptanceRecorder, TermsStore],
  exports: CONTRACT_PROVIDERS,
})
export class ContractsModule {}
