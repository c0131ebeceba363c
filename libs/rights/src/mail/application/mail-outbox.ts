import { Injectable } from '@nestjs/common';
import { enqueueJob, type TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { MailPurpose } from '../domain/mail-message';
import { MailMessageStore } from '../infrastructure/mail-message.store';
import { SEND_MAIL_JOB } from '../mail.jobs';

/** A mail to queue: to whose account, why, and for notifications and reminders which notification. */
export interface QueuedMail {
  accountId: string;
  purpose: MailPurpose;
  notificationId?: string;
}

/**
 * Queues a mail in the caller's transaction: a `mail_messages` row and SEND_MAIL_JOB in the outbox,
 * so the mail goes out exactly when what it tells about committed. A notification is mailed once and
 * reminded of once: asking again queues nothing (and returns null).
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly mails: MailMessageStore) {}

  async queue(tx: TransactionalContext, mail: QueuedMail): Promise<string | null> {
    const id = randomUUID();
    const inserted = await this.mails.insert(tx, {
      id,
      accountId: mail.accountId,
      purpose: mail.purpose,
      notificationId: mail.notificationId ?? null,
      createdAt: tx.now(),
    });
    if (!inserted) return null;
    await enqueueJob(tx, SEND_MAIL_JOB, { mailId: id });
    return id;
  }
}
