import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { RefreshTokenStore } from '@infobank/auth';
import { CompletePasswordResetUseCase, RequestPasswordResetUseCase } from './account-email/application/password-reset.use-cases';
import { RegisterWithVerificationUseCase } from './account-email/application/register-with-verification.use-case';
import { ResendVerificationMailUseCase, VerifyEmailUseCase } from './account-email/application/verify-email.use-case';
import { BenefitLedger } from './benefits/application/benefit-ledger';
import { GetMyBenefitsUseCase } from './benefits/application/get-my-benefits.use-case';
import { MailOutbox } from './mail/application/mail-outbox';
import { SendMailUseCase } from './mail/application/send-mail.use-case';
import { AccountMailRateLimiter } from './mail/infrastructure/account-mail-rate-limiter';
import { AccountTokenStore } from './mail/infrastructure/account-token.store';
import { MailMessageStore } from './mail/infrastructure/mail-message.store';
import { MailTransport } from './mail/infrastructure/mail-transport';
import { CountUnreadNotificationsUseCase, ListOwnNotificationsUseCase } from './notifications/application/list-own-notifications.use-case';
import { MarkNotificationsReadUseCase } from './notifications/application/mark-notifications-read.use-case';
import {
  GetNotificationPreferencesUseCase,
  PutNotificationPreferencesUseCase,
} from './notifications/application/notification-preferences.use-cases';
import { NotifyIndividual } from './notifications/application/notify-individual';
import { BenefitEntryStore } from './benefits/infrastructure/benefit-entry.store';
import { NotificationPreferenceStore } from './notifications/infrastructure/notification-preference.store';
import { NotificationStore } from './notifications/infrastructure/notification.store';
import { TermsModule } from './terms/terms.module';

const RIGHTS_PROVIDERS = [
  NotificationStore,
  NotificationPreferenceStore,
  BenefitEntryStore,
  MailMessageStore,
  AccountTokenStore,
  MailOutbox,
  MailTransport,
  AccountMailRateLimiter,
  NotifyIndividual,
  ListOwnNotificationsUseCase,
  CountUnreadNotificationsUseCase,
  MarkNotificationsReadUseCase,
  GetNotificationPreferencesUseCase,
  PutNotificationPreferencesUseCase,
  SendMailUseCase,
  BenefitLedger,
  GetMyBenefitsUseCase,
];

/**
 * The individual's rights: the notifications inbox and its e-mail preferences, mail (queued by the
 * outbox, sent by the worker), the benefits ledger other contexts write to, and the terms (TermsModule,
 * re-exported). Needs the platform (DataSource, Transactions, REDIS, APP_CONFIG).
 */
@Module({ imports: [AccountsModule, TermsModule], providers: RIGHTS_PROVIDERS, exports: [...RIGHTS_PROVIDERS, TermsModule] })
export class RightsModule {}

const ACCOUNT_EMAIL_PROVIDERS = [
  RegisterWithVerificationUseCase,
  VerifyEmailUseCase,
  ResendVerificationMailUseCase,
  RequestPasswordResetUseCase,
  CompletePasswordResetUseCase,
];

/**
 * The portal's account mail: registration with a verification mail, verifying, resending, and password
 * reset. Needs the portal's sessions (SessionsModule, global there: SignUpUseCase) besides the platform.
 */
@Module({
  imports: [RightsModule, AccountsModule],
  providers: [...ACCOUNT_EMAIL_PROVIDERS, RefreshTokenStore],
  exports: ACCOUNT_EMAIL_PROVIDERS,
})
export class AccountEmailModule {}
