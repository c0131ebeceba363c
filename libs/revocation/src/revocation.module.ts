import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { ApprovalsModule, ConsentModule } from '@infobank/consent';
import { ProvisionModule } from '@infobank/provision';
import { ReviewModule } from '@infobank/review';
import { RightsModule } from '@infobank/rights';
import { VaultModule } from '@infobank/vault';
import { AttestNoticeUseCase } from './revocation/application/attest-notice.use-case';
import { CloseMyAccountAndStopDeliveryUseCase } from './revocation/application/close-my-account-and-stop-delivery.use-case';
import { DeliverNoticeWebhookUseCase } from './revocation/application/deliver-notice-webhook.use-case';
import { EraseMyDataAndStopDeliveryUseCase } from './revocation/application/erase-my-data-and-stop-delivery.use-case';
import { GetConsentWithdrawalUseCase } from './revocation/application/get-consent-withdrawal.use-case';
import { GetNoticeUseCase } from './revocation/application/get-notice.use-case';
import { IssueDataLifeNoticesUseCase } from './revocation/application/issue-data-life-notices.use-case';
import { ListNoticesUseCase } from './revocation/application/list-notices.use-case';
import { ListOverdueNoticesUseCase } from './revocation/application/list-overdue-notices.use-case';
import { MarkOverdueNoticesUseCase } from './revocation/application/mark-overdue-notices.use-case';
import { NoticeIssuer } from './revocation/application/notice-issuer';
import { PropagateConsentEndUseCase } from './revocation/application/propagate-consent-end.use-case';
import { PropagateErasureUseCase } from './revocation/application/propagate-erasure.use-case';
import { PropagateStopUseOrderUseCase } from './revocation/application/propagate-stop-use-order.use-case';
import { RemoveLinkAndStopDeliveryUseCase } from './revocation/application/remove-link-and-stop-delivery.use-case';
import { SummariseRecipientAttestationsUseCase } from './revocation/application/summarise-recipient-attestations.use-case';
import { WithdrawalCompletion } from './revocation/application/withdrawal-completion';
import { WebhookClient } from './revocation/infrastructure/webhook-client';
import { WebhookDeliveryStore } from './revocation/infrastructure/webhook-delivery.store';
import { WithdrawalNoticeQueries } from './revocation/infrastructure/withdrawal-notice.queries';
import { WithdrawalNoticeStore } from './revocation/infrastructure/withdrawal-notice.store';

/** Use cases other contexts and the apps call. */
const REVOCATION_USE_CASES: Array<new (...args: never[]) => unknown> = [
  ListNoticesUseCase,
  GetNoticeUseCase,
  AttestNoticeUseCase,
  MarkOverdueNoticesUseCase,
  ListOverdueNoticesUseCase,
  SummariseRecipientAttestationsUseCase,
  GetConsentWithdrawalUseCase,
  DeliverNoticeWebhookUseCase,
  PropagateConsentEndUseCase,
  PropagateStopUseOrderUseCase,
  PropagateErasureUseCase,
  IssueDataLifeNoticesUseCase,
  EraseMyDataAndStopDeliveryUseCase,
  RemoveLinkAndStopDeliveryUseCase,
  CloseMyAccountAndStopDeliveryUseCase,
];

/** Internal collaborators (not exported). */
const REVOCATION_INTERNALS: Array<new (...args: never[]) => unknown> = [
  WithdrawalCompletion,
  WebhookClient,
  NoticeIssuer,
  WithdrawalNoticeStore,
  WithdrawalNoticeQueries,
  WebhookDeliveryStore,
];

/**
 * Withdrawal propagation: erasure and account closure that stop delivery at once, notices to recipients, attestations, webhooks, overdue escalation. Needs the
 * platform (DataSource, APP_CONFIG) and the bank's keys (CryptoModule.forPlatform()).
 */
@Module({
  imports: [CatalogModule, ConsentModule, ApprovalsModule, ProvisionModule, RightsModule, ReviewModule, VaultModule],
  providers: [...REVOCATION_USE_CASES, ...REVOCATION_INTERNALS],
  exports: REVOCATION_USE_CASES,
})
export class RevocationModule {}
