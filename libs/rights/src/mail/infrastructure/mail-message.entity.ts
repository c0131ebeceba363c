import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NotificationEntity } from '../../notifications/infrastructure/notification.entity';
import type { MailPurpose } from '../domain/mail-message';

/**
 * One mail to send: to whom (the account) and why. No address and no text: the worker reads both when
 * it sends, so the outbox and Redis carry ids only. Matches migration AddMailAndEmailVerification.
 */
@Entity({ name: 'mail_messages' })
@Check(
  'ck_mail_messages_purpose',
  `"purpose" IN ('email_verification', 'password_reset', 'address_already_registered', 'notification', 'reminder')`,
)
@Check('ck_mail_messages_notification', `("notification_id" IS NOT NULL) = ("purpose" IN ('notification', 'reminder'))`)
@Index('ix_mail_messages_account_created', ['accountId', 'createdAt'])
// A notification is mailed once, and reminded of once.
@Index('uq_mail_messages_notification_purpose', ['notificationId', 'purpose'], { unique: true, where: `"notification_id" IS NOT NULL` })
export class MailMessageEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_mail_messages' })
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_mail_messages_account' })
  account?: AccountEntity;

  @Column('text', { name: 'purpose' })
  purpose: MailPurpose;

  @Column('uuid', { name: 'notification_id', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => NotificationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notification_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_mail_messages_notification' })
  notification?: NotificationEntity;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  /** When the transport accepted it. */
  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** When the worker dropped it instead (the account was closed, or the person no longer wants that mail). */
  @Column('timestamptz', { name: 'skipped_at', nullable: true })
  skippedAt: Date | null;
}
