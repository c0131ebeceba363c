import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ACCOUNT_JOBS } from '@infobank/auth';
import {
  APPROVAL_JOBS,
  ApprovalsModule,
  CONSENT_LEDGER_JOBS,
  ConsentModule,
  STANDING_CONDITION_JOBS,
  StandingConditionsModule,
} from '@infobank/consent';
import { CRYPTO_JOBS, CryptoModule } from '@infobank/crypto';
import { DISCLOSURE_JOBS, DisclosureBuildModule, DisclosureRequestsModule } from '@infobank/disclosure';
import { OFFER_JOBS } from '@infobank/offers';
import { OVERSIGHT_JOBS, OversightModule } from '@infobank/oversight';
import { PROVISION_JOBS, ProvisionModule } from '@infobank/provision';
import { JobContract, PLATFORM_JOBS, PlatformModule, PlatformOptions } from '@infobank/platform';
import { TRANSPARENCY_LOG_JOBS, TransparencyLogModule } from '@infobank/transparency-log';
import { REVIEW_JOBS, ReviewModule } from '@infobank/review';
import { REVOCATION_JOBS, RevocationModule } from '@infobank/revocation';
import { RIGHTS_JOBS, RightsModule } from '@infobank/rights';
import { VAULT_JOBS } from '@infobank/vault';
import { ExpireApprovalProcessor, RemindApprovalProcessor } from './processors/approvals.processor';
import { SendMailProcessor } from './processors/mail.processor';
import { ExpireConsentsProcessor } from './processors/consent-expiry.processor';
import { BuildDisclosureProcessor, ExpireDisclosuresProcessor } from './processors/disclosures.processor';
import { MaintainKekGenerationsProcessor } from './processors/kek-generations.processor';
import { SealTransparencyLogProcessor } from './processors/ledger.processor';
import { MarkOverdueNoticesProcessor } from './processors/notices.processor';
import { OpenReviewCaseProcessor } from './processors/review.processor';
import { AccountClosedProcessor } from './processors/account-closure.processor';
import {
  ConsentEndedProcessor,
  DataErasedProcessor,
  DataLifeNoticesProcessor,
  StopUseOrderEffectiveProcessor,
} from './processors/revocations.processor';
import {
  GenerateMonthlyReportProcessor,
  NotifyIncidentPageProcessor,
  RunLogVerificationPageProcessor,
  ScheduleLogVerificationProcessor,
} from './processors/oversight.processor';
import { EnsureLedgerPartitionsProcessor, PruneOutboxProcessor } from './processors/schedules.processor';
import { EvaluateStandingConditionsProcessor, OfferApprovedProcessor } from './processors/standing-conditions.processor';
import { BuildTransferProcessor, ExpirePartsProcessor, SettleApprovalProcessor } from './processors/transfers.processor';
import { DeliverNoticeWebhookProcessor } from './processors/webhooks.processor';
import { JOB_CONTRACTS, WorkerRuntime } from './worker.runtime';

/** Every job contract in Infobank; each library's list is added here as it lands. */
export const ALL_JOBS: readonly JobContract<unknown>[] = [
  ...PLATFORM_JOBS,
  ...OFFER_JOBS,
  ...TRANSPARENCY_LOG_JOBS,
  ...STANDING_CONDITION_JOBS,
  ...APPROVAL_JOBS,
  ...CONSENT_LEDGER_JOBS,
  ...ACCOUNT_JOBS,
  ...PROVISION_JOBS,
  ...REVOCATION_JOBS,
  ...REVIEW_JOBS,
  ...VAULT_JOBS,
  ...CRYPTO_JOBS,
  ...OVERSIGHT_JOBS,
  ...RIGHTS_JOBS,
  ...DISCLOSURE_JOBS,
];

/** Every job handler the worker runs. */
export const PROCESSORS: Provider[] = [
  PruneOutboxProcessor,
  EnsureLedgerPartitionsProcessor,
  OpenReviewCaseProcessor,
  SealTransparencyLogProcessor,
  OfferApprovedProcessor,
  EvaluateStandingConditionsProcessor,
  ExpireApprovalProcessor,
  RemindApprovalProcessor,
  SendMailProcessor,
  ExpireConsentsProcessor,
  AccountClosedProcessor,
  BuildTransferProcessor,
  SettleApprovalProcessor,
  ExpirePartsProcessor,
  MarkOverdueNoticesProcessor,
  DeliverNoticeWebhookProcessor,
  ConsentEndedProcessor,
  StopUseOrderEffectiveProcessor,
  DataErasedProcessor,
  DataLifeNoticesProcessor,
  MaintainKekGenerationsProcessor,
  RunLogVerificationPageProcessor,
  ScheduleLogVerificationProcessor,
  GenerateMonthlyReportProcessor,
  BuildDisclosureProcessor,
  ExpireDisclosuresProcessor,
  NotifyIncidentPageProcessor,
];

/** The worker process: BullMQ processors, the outbox relay and reconciler, and schedules. */
@Module({})
export class WorkerModule {
  static register(options: PlatformOptions & { jobs?: readonly JobContract<unknown>[]; processors?: Provider[] }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(options),
        CryptoModule.forPlatform(),
        DiscoveryModule,
        ReviewModule,
        TransparencyLogModule,
        StandingConditionsModule,
        ApprovalsModule,
        ConsentModule,
        ProvisionModule,
        RevocationModule,
        OversightModule,
        RightsModule,
        DisclosureRequestsModule,
        DisclosureBuildModule,
      ],
      providers: [{ provide: JOB_CONTRACTS, useValue: options.jobs ?? ALL_JOBS }, ...(options.processors ?? PROCESSORS), WorkerRuntime],
    };
  }
}
