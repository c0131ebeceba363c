import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory, ComplaintPriority, ComplaintStatus } from '../domain/complaint';

/**
 * A complaint to the complaints desk (苦情相談窓口) as its events leave it: the row the desk's queue, the
 * SLA timers and the board's counts read. Its text and thread are in complaint_events (encrypted).
 * Matches migration CreateComplaintsDesk.
 */
@Entity({ name: 'complaints' })
@Check('ck_complaints_category', `"category" IN ('consent', 'provision', 'recipient', 'data_handling', 'account', 'benefit', 'other')`)
@Check('ck_complaints_status', `"status" IN ('open', 'in_progress', 'awaiting_information', 'closed')`)
@Check('ck_complaints_priority', `"priority" IN ('normal', 'urgent')`)
@Index('ix_complaints_individual_filed', ['individualId', 'filedAt', 'id'])
@Index('ix_complaints_status_filed', ['status', 'filedAt', 'id'])
export class ComplaintEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_complaints' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_complaints_individual' })
  individual?: AccountEntity;

  @Column('text', { name: 'category' })
  category: ComplaintCategory;

  @Column('text', { name: 'status' })
  status: ComplaintStatus;

  @Column('text', { name: 'priority', nullable: true })
  priority: ComplaintPriority | null;

  /** Set once, when the desk escalated the complaint to the data ethics board. */
  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  @Column('timestamptz', { name: 'filed_at' })
  filedAt: Date;

  @Column('timestamptz', { name: 'first_answered_at', nullable: true })
  firstAnsweredAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Time of the latest event. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** Events recorded so far; the next event's sequence number. */
  @Column('integer', { name: 'version' })
  version: number;

  /** The individual's own consent the complaint is about, checked when filed (no foreign key: libs/consent owns consents). */
  @Column('uuid', { name: 'related_consent_id', nullable: true })
  relatedConsentId: string | null;

  /** The individual's own provision record the complaint is about, checked when filed. */
  @Column('uuid', { name: 'related_provision_id', nullable: true })
  relatedProvisionId: string | null;

  /** The recipient the complaint is about (named by the individual, or the recipient of the related consent). */
  @Column('uuid', { name: 'related_recipient_id', nullable: true })
  relatedRecipientId: string | null;
}
