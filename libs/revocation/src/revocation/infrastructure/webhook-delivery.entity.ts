import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WithdrawalNoticeEntity } from './withdrawal-notice.entity';

/** How one webhook attempt for a notice went. */
export type WebhookOutcome = 'delivered' | 'failed' | 'refused';

/** The delivery log: one row per attempt to POST a notice to the recipient's webhook. Matches migration CreateWithdrawalNotices. */
@Entity({ name: 'webhook_deliveries' })
@Check('ck_webhook_deliveries_outcome', `"outcome" IN ('delivered', 'failed', 'refused')`)
@Index('ix_webhook_deliveries_notice', ['noticeId', 'attemptedAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_webhook_deliveries' })
  id: string;

  @Column('uuid', { name: 'notice_id' })
  noticeId: string;

  @ManyToOne(() => WithdrawalNoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_webhook_deliveries_notice' })
  notice?: WithdrawalNoticeEntity;

  @Column('integer', { name: 'attempt' })
  attempt: number;

  @Column('timestamptz', { name: 'attempted_at' })
  attemptedAt: Date;

  /** The HTTP status the recipient answered, if it answered. */
  @Column('integer', { name: 'status_code', nullable: true })
  statusCode: number | null;

  /** `refused`: the URL was not allowed (not https, or resolves to a private address); nothing was sent. */
  @Column('text', { name: 'outcome' })
  outcome: WebhookOutcome;

  /** What went wrong, without personal data (e.g. "timeout", "status 500"). */
  @Column('text', { name: 'error', nullable: true })
  error: string | null;
}
