// The public surface of libs/rights: the individuals' notifications inbox (and its e-mail preferences), mail that leaves the bank
// (address verification, password reset, notifications by e-mail) and the benefits ledger (disclosure and complaints come later).
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
