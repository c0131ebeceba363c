// The public surface of libs/revocation: erasure and account closure that stop delivery at once, withdrawal
// notices to recipients, their deletion attestations, webhook delivery and overdue escalation.
export * from './revocation/domain/notice';
export * from './revocation/domain/attestation';
export { AttestNoticeUseCase, type AttestNoticeCommand } from './revocation/application/attest-notice.use-case';
export { CloseMyAccountAndStopDeliveryUseCase } from './revocation/application/close-my-account-and-stop-delivery.use-case';
export { EraseMyDataAndStopDeliveryUseCase } from './revocation/application/erase-my-data-and-stop-delivery.use-case';
export { RemoveLinkAndStopDeliveryUseCase } from './revocation/application/remove-link-and-stop-delivery.use-case';
export {
  GetConsentWithdrawalUseCase,
  type ConsentWithdrawalView,
  type WithdrawalNoticeState,
} from './revocation/application/get-consent-withdrawal.use-case';
export {
  DeliverNoticeWebhookUseCase,
  WITHDRAWAL_NOTICE_JWS_TYPE,
  type DeliverNoticeWebhookCommand,
  type NoticeWebhookDelivery,
} from './revocation/application/deliver-notice-webhook.use-case';
export { GetNoticeUseCase } from './revocation/application/get-notice.use-case';
export { DATA_LIFE_BATCH, IssueDataLifeNoticesUseCase } from './revocation/application/issue-data-life-notices.use-case';
export { ListNoticesUseCase, NOTICE_PAGE_SIZE, type ListNoticesQuery } from './revocation/application/list-notices.use-case';
export {
  ListOverdueNoticesUseCase,
  MAX_LISTED_OVERDUE_NOTICES,
  type OverdueNoticeView,
} from './revocation/application/list-overdue-notices.use-case';
export { MarkOverdueNoticesUseCase, OVERDUE_BATCH_SIZE } from './revocation/application/mark-overdue-notices.use-case';
export type { NoticeView } from './revocation/application/notice-view';
export { PropagateConsentEndUseCase } from './revocation/application/propagate-consent-end.use-case';
export { PropagateErasureUseCase } from './revocation/application/propagate-erasure.use-case';
export { PropagateStopUseOrderUseCase } from './revocation/application/propagate-stop-use-order.use-case';
export type { Propagation } from './revocation/application/propagation';
export {
  SummariseRecipientAttestationsUseCase,
  type RecipientAttestationSummary,
} from './revocation/application/summarise-recipient-attestations.use-case';
export { REVOCATION_ENTITIES } from './revocation.entities';
export { WithdrawalNoticeEntity } from './revocation/infrastructure/withdrawal-notice.entity';
export { WithdrawalNoticeProvisionEntity } from './revocation/infrastructure/withdrawal-notice-provision.entity';
export * from './revocation.errors';
export { DATA_LIFE_NOTICES_JOB, DELIVER_NOTICE_WEBHOOK_JOB, MARK_OVERDUE_NOTICES_JOB, REVOCATION_JOBS } from './revocation.jobs';
export { RevocationModule } from './revocation.module';
