// The public surface of libs/consent: the consent ledger (grant, pause, resume, revoke, expire) with
// signed receipts, and the mayProvide policy check. Standing conditions and approvals add theirs below.
export {
  MAX_REVOCATION_REASON_LENGTH,
  ACCOUNT_CLOSED_REASON,
  PauseConsentUseCase,
  RevokeConsentsOfClosedAccountUseCase,
  ResumeConsentUseCase,
  RevokeConsentUseCase,
} from './consents/application/change-consent.use-cases';
export { BANK_NAME } from './consents/application/consent-ledger';
export type { ConsentDetail, ConsentEventView, ConsentView } from './consents/application/consent-view';
export { ExpireConsentsUseCase, type ExpirySweepResult } from './consents/application/expire-consents.use-case';
export { GrantConsentUseCase, type ConsentChangeResult, type GrantConsentCommand } from './consents/application/grant-consent.use-case';
export { ListConsentsForOfferUseCase } from './consents/application/list-consents-for-offer.use-case';
export { LockConsentsForProvisionUseCase, MAX_LOCKED_CONSENTS } from './consents/application/lock-consents-for-provision.use-case';
export {
  GetConsentProofUseCase,
  GetOwnConsentUseCase,
  ListConsentReceiptsUseCase,
  ListConsentsUseCase,
  MAX_LISTED_CONSENTS,
} from './consents/application/read-consents.use-cases';
export * from './consent.errors';
export { CONSENT_ENDED_JOB, CONSENT_LEDGER_JOBS, EXPIRE_CONSENTS_JOB } from './consent.jobs';
export { ConsentModule } from './consent.module';
export * from './consents/domain/consent';
export { CONSENT_LEAF_KIND, consentLeafBody } from './consents/domain/consent-leaf';
export { CONSENT_RECEIPT_SCHEMA, CONSENT_RECEIPT_TYPE, type ConsentedOffer, type ConsentText } from './consents/domain/consent-receipt';
export { mayProvide, type OfferForProvision, type ProvisionRefusal, type ProvisionVerdict } from './consents/domain/may-provide';
export { CONSENT_LEDGER_ENTITIES } from './consents/infrastructure/consent.entities';
// Standing conditions (予め指定した条件) and ask-mode approvals (個別確認).
export { APPROVAL_ENTITIES } from './approvals/approvals.entities';
export * from './approvals/approvals.errors';
export { APPROVAL_ANSWERED_JOB, APPROVAL_JOBS, EXPIRE_APPROVAL_JOB, REMIND_APPROVAL_JOB } from './approvals/approvals.jobs';
export { ApprovalsModule } from './approvals/approvals.module';
export type { ApprovalView } from './approvals/application/approval-view';
export { CancelPendingApprovalsUseCase } from './approvals/application/cancel-pending-approvals.use-case';
export { ExpireApprovalUseCase, type ApprovalTimeoutOutcome } from './approvals/application/expire-approval.use-case';
export { GetApprovalOutcomeUseCase, type ApprovalOutcome } from './approvals/application/get-approval-outcome.use-case';
export { DecideApprovalUseCase, ListOwnApprovalsUseCase, MAX_LISTED_APPROVALS } from './approvals/application/own-approvals.use-cases';
export { RequestApprovalUseCase, type RequestApprovalCommand } from './approvals/application/request-approval.use-case';
export { RemindApprovalUseCase, type ApprovalReminderOutcome } from './approvals/application/remind-approval.use-case';
export { ConsentEligibility } from './consents/application/consent-eligibility';
export * from './approvals/domain/approval-request';
export {
  EvaluateStandingConditionsUseCase,
  FIRST_INDIVIDUAL_CURSOR,
  STANDING_CONDITIONS_PAGE_SIZE,
  type StandingConditionsPageResult,
} from './standing-conditions/application/evaluate-standing-conditions.use-case';
export {
  GetOwnStandingConditionsUseCase,
  PutOwnStandingConditionsUseCase,
  type OwnStandingConditions,
} from './standing-conditions/application/own-standing-conditions.use-cases';
export * from './standing-conditions/domain/standing-condition-match';
export * from './standing-conditions/domain/standing-conditions';
export { STANDING_CONDITION_ENTITIES } from './standing-conditions/standing-conditions.entities';
export { EVALUATE_STANDING_CONDITIONS_JOB, STANDING_CONDITION_JOBS } from './standing-conditions/standing-conditions.jobs';
export { StandingConditionsModule } from './standing-conditions/standing-conditions.module';
