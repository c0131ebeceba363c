import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConsentEntity } from '../../consents/infrastructure/consent.entity';
import type { ApprovalStatus } from '../domain/approval-request';

/**
 * One ask-mode approval request (個別確認): a recipient's request for one individual's data under an
 * `ask` consent waits here for the individual's answer or the timeout. Matches migration
 * CreateStandingConditionsApprovalsNotifications.
 */
@Entity({ name: 'approval_requests' })
@Check('ck_approval_requests_status', `"status" IN ('pending', 'approved', 'denied', 'expired', 'cancelled')`)
@Check('ck_approval_requests_decided', `("decided_at" IS NULL) = ("status" = 'pending')`)
@Check('ck_approval_requests_window', `"expires_at" > "requested_at"`)
@Index('ix_approval_requests_individual', ['individualId', 'requestedAt'])
// The same request (e.g. one subject of one transfer) is asked once.
@Index('uq_approval_requests_consent_reference', ['consentId', 'reference'], { unique: true })
export class ApprovalRequestEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_approval_requests' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_approval_requests_individual' })
  individual?: AccountEntity;

  @Column('uuid', { name: 'consent_id' })
  consentId: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_approval_requests_consent' })
  consent?: ConsentEntity;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  /** The caller's id of what is asked for (a later issue: the transfer), unique per consent. */
  @Column('uuid', { name: 'reference' })
  reference: string;

  @Column('text', { name: 'status' })
  status: ApprovalStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}
