import { Inject, Injectable } from '@nestjs/common';
import { AccountStore, type StoredAccount } from '@infobank/identity';
import { APP_CONFIG, Transactions, type AppConfig, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { NotificationStore } from '../../notifications/infrastructure/notification.store';
import {
  ACCOUNT_TOKEN_LIFETIME_MS,
  accountTokenDigest,
  accountTokenExpiry,
  newAccountToken,
  type AccountTokenPurpose,
} from '../domain/account-token';
import type { RenderedMail } from '../domain/mail-message';
import {
  addressAlreadyRegisteredMail,
  notificationMail,
  passwordResetMail,
  verificationMail,
  type MailSetting,
} from '../domain/mail-templates';
import { AccountTokenStore } from '../infrastructure/account-token.store';
import type { MailMessageEntity } from '../infrastructure/mail-message.entity';
import { MailMessageStore } from '../infrastructure/mail-message.store';
import { MailTransport } from '../infrastructure/mail-transport';

/** What became of one mail job. */
export type SendMailOutcome = 'sent' | 'skipped' | 'already_done';

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * Sends one queued mail (the worker's SEND_MAIL_JOB): reads the account's current address and language,
 * renders the mail, and hands it to the transport (notifications only to a verified address). A verification or reset link's token is made here,
 * at sending, and only its digest is stored, so no usable token rests anywhere but in the mail; a new
 * reset link spends the older ones. Skipped when the account is closed, the address is verified
 * already (verification), or the notification is gone. Idempotent: a sent or skipped mail is not sent again.
 */
@Injectable()
export class SendMailUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly mails: MailMessageStore,
    private readonly accounts: AccountStore,
    private readonly tokens: AccountTokenStore,
    private readonly notifications: NotificationStore,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, command: { mailId: string }): Promise<SendMailOutcome> {
    return this.transactions.run(ctx, async (tx) => {
      const mail = await this.mails.lockUnsent(tx, command.mailId);
      if (mail === null) return 'already_done';
      const now = tx.now();
      const account = await this.accounts.findById(tx, mail.accountId, 'individual');
      const rendered = account === null || account.disabledAt !== null ? null : await this.render(tx, mail, account);
      if (account === null || rendered === null) {
        await this.mails.markSkipped(tx, mail.id, now);
        return 'skipped';
      }
      await this.transport.send({ ...rendered, to: account.email, mailId: mail.id });
      await this.mails.markSent(tx, mail.id, now);
      return 'sent';
    });
  }

  private async render(tx: TransactionalContext, mail: MailMessageEntity, account: StoredAccount): Promise<RenderedMail | null> {
    const setting: MailSetting = { language: account.language, portalUrl: this.config.http.publicUrls.portal };
    switch (mail.purpose) {
      case 'email_verification':
        if (account.emailVerifiedAt !== null) return null;
        return verificationMail(
          setting,
          await this.issue(tx, account.id, 'email_verification'),
          ACCOUNT_TOKEN_LIFETIME_MS.email_verification / HOUR_MS,
        );
      case 'password_reset':
        await this.tokens.spendAll(tx, account.id, 'password_reset', tx.now());
        return passwordResetMail(
          setting,
          await this.issue(tx, account.id, 'password_reset'),
          ACCOUNT_TOKEN_LIFETIME_MS.password_reset / MINUTE_MS,
        );
      case 'address_already_registered':
        return addressAlreadyRegisteredMail(setting);
      case 'notification':
      case 'reminder': {
        // Only to a proved address: what the inbox says is for the account holder, not whoever typed the address.
        if (account.emailVerifiedAt === null) return null;
        const notification = await this.notifications.findOfIndividual(tx, mail.notificationId as string, account.id);
        if (notification === null) return null;
        return notificationMail(setting, notification.message, { reminder: mail.purpose === 'reminder' });
      }
    }
  }

  /** A new one-time token of `purpose` for the account: its digest is stored, the token goes into the mail. */
  private async issue(tx: TransactionalContext, accountId: string, purpose: AccountTokenPurpose): Promise<string> {
    const token = newAccountToken();
    const now = tx.now();
    await this.tokens.insert(tx, {
      id: randomUUID(),
      accountId,
      purpose,
      tokenHash: accountTokenDigest(token),
      createdAt: now,
      expiresAt: accountTokenExpiry(purpose, now),
    });
    return token;
  }
}
