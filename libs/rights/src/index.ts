// The public surface of libs/rights: the individuals' notifications inbox (and its e-mail preferences), mail that leaves the bank
// (address verification, password reset, notifications by e-mail), the benefits ledger, the bank's terms and organisations'
// contracts with their acceptances, and the complaints desk (苦情相談窓口).
export * from './notifications/domain/notification';
export * from './benefits/domain/benefit';
export { DEFAULT_BENEFIT_PAGE, MAX_BENEFIT_PAGE } from './benefits/domain/benefit-page';
export { BenefitLedger } from './benefits/application/benefit-ledger';
export { GetMyBenefitsUseCase, type GetMyBenefitsQuery } from './benefits/application/get-my-benefits.use-case';
export {
  CountUnreadNotificationsUseCase,
  ListOwnNotificationsUseCase,
  MAX_NOTIFICATIONS,
  type OwnNotification,
} from './notifications/application/list-own-notifications.use-case';
export { MarkNotificationsReadUseCase } from './notifications/application/mark-notifications-read.use-case';
export {
  AccountTokenExpiredError,
  AccountTokenInvalidError,
  NotificationNotFoundError,
  RIGHTS_ERROR_STATUS,
  type RightsErrorCode,
} from './rights.errors';
export * from './notifications/domain/notification-preferences';
export {
  GetNotificationPreferencesUseCase,
  PutNotificationPreferencesUseCase,
} from './notifications/application/notification-preferences.use-cases';
export * from './mail/domain/account-token';
export * from './mail/domain/mail-message';
export { escapeHtml, tokenLink } from './mail/domain/mail-templates';
export { MailOutbox, type QueuedMail } from './mail/application/mail-outbox';
export { SendMailUseCase, type SendMailOutcome } from './mail/application/send-mail.use-case';
export { MailTransport, type OutgoingMail } from './mail/infrastructure/mail-transport';
export { RIGHTS_JOBS, SEND_MAIL_JOB } from './mail/mail.jobs';
export { RegisterWithVerificationUseCase } from './account-email/application/register-with-verification.use-case';
export { ResendVerificationMailUseCase, VerifyEmailUseCase } from './account-email/application/verify-email.use-case';
export { CompletePasswordResetUseCase, RequestPasswordResetUseCase } from './account-email/application/password-reset.use-cases';
export { NotifyIndividual } from './notifications/application/notify-individual';
export { RIGHTS_ENTITIES } from './rights.entities';
export { AccountEmailModule, RightsModule } from './rights.module';
export * from './terms/domain/terms';
export type { AcceptanceView, TermsView } from './terms/application/current-terms';
export {
  AcceptMyTermsUseCase,
  GetCurrentTermsUseCase,
  GetMyTermsUseCase,
  RegisterAcceptingTermsUseCase,
  type MyTerms,
} from './terms/application/individual-terms.use-cases';
export {
  AcceptOwnContractUseCase,
  GetOwnContractUseCase,
  RecordPaperAcceptanceUseCase,
  type OwnContract,
  type RecordPaperAcceptanceCommand,
} from './terms/application/organisation-contract.use-cases';
export { ListTermsUseCase, PublishTermsUseCase, type PublishedTermsVersion } from './terms/application/publish-terms.use-case';
export { SubmitOfferUnderContractUseCase } from './terms/application/submit-offer-under-contract.use-case';
export { ConsentPrerequisites, RecipientContractGate } from './terms/application/terms-gates';
export type { TermsVersionSummary } from './terms/infrastructure/terms.store';
export { ContractsModule, TermsModule } from './terms/terms.module';
export {
  ContractAcceptanceRequiredError,
  TermsAcceptanceRequiredError,
  TermsNotPublishedError,
  TermsVersionExistsError,
  TermsVersionNotCurrentError,
} from './terms/terms.errors';
export { AcceptTermsDto, MyTermsDto, OwnContractDto, TermsAcceptanceDto, TermsTextDto } from './terms/http/terms.dto';
export { organisationContractController } from './terms/http/organisation-contract.controller';
export * from './complaints/domain/complaint';
export * from './complaints/domain/complaint-sla';
export { ComplaintNotFoundError, ComplaintStepRefusedError } from './complaints/complaints.errors';
export { ComplaintFilingModule, ComplaintsModule, type ComplaintFilingOptions } from './complaints/complaints.module';
export {
  COMPLAINT_RELATIONS,
  FileComplaintUseCase,
  type CheckedRelations,
  type ComplaintRelations,
  type FileComplaintCommand,
} from './complaints/application/file-complaint.use-case';
export {
  GetMyComplaintUseCase,
  ListMyComplaintsUseCase,
  MAX_LISTED_COMPLAINTS,
  ProvideComplaintInformationUseCase,
} from './complaints/application/my-complaints.use-cases';
export {
  CloseComplaintUseCase,
  EscalateComplaintUseCase,
  GetDeskComplaintUseCase,
  ListComplaintQueueUseCase,
  ListOverdueComplaintsUseCase,
  MAX_QUEUE_PAGE,
  ReplyToComplaintUseCase,
  RequestComplaintInformationUseCase,
  TriageComplaintUseCase,
  type ComplaintQueueQuery,
  type DeskMessageCommand,
  type TriageComplaintCommand,
} from './complaints/application/desk-complaints.use-cases';
export {
  CountComplaintsUseCase,
  GetEscalatedComplaintUseCase,
  ListEscalatedComplaintsUseCase,
  type ComplaintCounts,
} from './complaints/application/board-complaints.use-cases';
export {
  AddDeskStaffUseCase,
  ListDeskStaffUseCase,
  type AddDeskStaffCommand,
  type DeskStaffMember,
} from './complaints/application/desk-staff.use-cases';
export type {
  ComplaintRelated,
  DeskComplaintEvent,
  DeskComplaintSummary,
  DeskComplaintThread,
  MyComplaintMessage,
  MyComplaintSummary,
  MyComplaintThread,
  SlaTimerView,
} from './complaints/application/complaint-views';
export {
  ComplaintCountsDto,
  DeskComplaintListDto,
  DeskComplaintThreadDto,
  MyComplaintListDto,
  MyComplaintThreadDto,
  OverdueComplaintsDto,
} from './complaints/http/complaint-views.dto';
