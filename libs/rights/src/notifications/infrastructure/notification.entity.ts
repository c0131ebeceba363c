import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { NotificationKind, NotificationMessage, NotificationSubject } from '../domain/notification';

/**
 * One notification in an individual's inbox (お知らせ), newest first. Matches migration
 * CreateStandingConditionsApprovalsNotifications.
 */
@Entity({ name: 'notifications' })
@Check(
  'ck_notifications_kind',
  `"kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested', 'disclosure_ready', 'complaint_answered', 'incident_affecting_me')`,
)
@Check('ck_notifications_subject_type', `"subject_type" IN ('consent', 'approval_request', 'offer', 'disclosure', 'complaint', 'incident')`)
@Index('ix_notifications_individual_created', ['individualId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_notifications' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_notifications_individual' })
  individual?: AccountEntity;

  @Column('text', { name: 'kind' })
  kind: NotificationKind;

  @Column('text', { name: 'subject_type' })
  subjectType: NotificationSubject['type'];

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  @Column('jsonb', { name: 'message' })
  message: NotificationMessage;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;
}
