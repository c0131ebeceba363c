import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { IsNull } from 'typeorm';
import type { MailPurpose } from '../domain/mail-message';
import { MailMessageEntity } from './mail-message.entity';

/** A mail row to write. */
export interface NewMailMessage {
  id: string;
  accountId: string;
  purpose: MailPurpose;
  notificationId: string | null;
  createdAt: Date;
}

/** The mail_messages table: rows written in the caller's transaction, claimed by the worker when it sends. */
@Injectable()
export class MailMessageStore {
  /** Inserts the mail; false when a mail of this purpose for this notification exists already (sent once). */
  async insert(tx: TransactionalContext, mail: NewMailMessage): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(MailMessageEntity)
      .values({ ...mail, sentAt: null, skippedAt: null })
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** The mail if it is still to be sent, locked until the transaction ends. */
  lockUnsent(tx: TransactionalContext, id: string): Promise<MailMessageEntity | null> {
    return tx.transaction.findOne(MailMessageEntity, {
      where: { id, sentAt: IsNull(), skippedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markSent(tx: TransactionalContext, id: string, at: Date): Promise<void> {
    await tx.transaction.update(MailMessageEntity, { id }, { sentAt: at });
  }

  async markSkipped(tx: TransactionalContext, id: string, at: Date): Promise<void> {
    await tx.transaction.update(MailMessageEntity, { id }, { skippedAt: at });
  }
}
