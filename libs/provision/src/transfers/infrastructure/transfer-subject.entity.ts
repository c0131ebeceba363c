import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TransferEntity } from './transfer.entity';
import type { SubjectStatus } from '../domain/transfer-status';

/**
 * One individual in a transfer, as the recipient names them (pseudonymous id) and as the bank knows them.
 * A subject in `pending`, `awaiting_approval`, `ready` or `delivered` counts against the offer's fetch limit
 * from `reserved_at`. Matches migration CreateTransfersAndProvisions.
 */
@Entity({ name: 'transfer_subjects' })
@Check('ck_transfer_subjects_status', `"status" IN ('pending', 'awaiting_approval', 'ready', 'delivered', 'denied', 'expired')`)
@Check('ck_transfer_subjects_reason', `("reason" IS NOT NULL) = ("status" = 'denied')`)
@Check(
  'ck_transfer_subjects_record_refs',
  `("record_ids" IS NULL AND "record_versions" IS NULL) OR cardinality("record_ids") = cardinality("record_versions")`,
)
@Index('ix_transfer_subjects_transfer_part', ['transferId', 'part'])
@Index('ix_transfer_subjects_offer_individual', ['offerId', 'individualId', 'reservedAt'], {
  where: `"status" IN ('pending', 'awaiting_approval', 'ready', 'delivered')`,
})
@Index('ix_transfer_subjects_consent', ['consentId'], { where: `"status" IN ('pending', 'awaiting_approval', 'ready')` })
@Index('ix_transfer_subjects_individual_in_flight', ['individualId'], { where: `"status" IN ('pending', 'awaiting_approval', 'ready')` })
@Index('ix_transfer_subjects_approval', ['approvalRequestId'], { where: `"approval_request_id" IS NOT NULL` })
@Index('ix_transfer_subjects_unpackaged', ['transferId', 'subjectId'], { where: `"status" = 'pending' AND "part" IS NULL` })
export class TransferSubjectEntity {
  @PrimaryColumn('uuid', { name: 'transfer_id', primaryKeyConstraintName: 'pk_transfer_subjects' })
  transferId: string;

  @ManyToOne(() => TransferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'transfer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_transfer_subjects_transfer' })
  transfer?: TransferEntity;

  /** The recipient's pseudonymous id of the individual (HMAC per recipient). */
  @PrimaryColumn('text', { name: 'subject_id', primaryKeyConstraintName: 'pk_transfer_subjects' })
  subjectId: string;

  /** Null when the recipient named a pseudonymous id that matches nobody who consented. */
  @Column('uuid', { name: 'individual_id', nullable: true })
  individualId: string | null;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'consent_id', nullable: true })
  consentId: string | null;

  /** The consent's version when the subject was admitted: delivery refuses the part if it moved. */
  @Column('integer', { name: 'consent_version', nullable: true })
  consentVersion: number | null;

  @Column('text', { name: 'status' })
  status: SubjectStatus;

  @Column('text', { name: 'reason', nullable: true })
  reason: string | null;

  @Column('integer', { name: 'part', nullable: true })
  part: number | null;

  @Column('uuid', { name: 'approval_request_id', nullable: true })
  approvalRequestId: string | null;

  /** The catalog items packaged for this subject (set when the part is built). */
  @Column('text', { name: 'items', array: true, nullable: true })
  items: string[] | null;

  /** Keyed digest (HMAC-SHA-256, base64url) of each record as packaged. */
  @Column('text', { name: 'record_digests', array: true, nullable: true })
  recordDigests: string[] | null;

  /** The vault ids of the records packaged (same order as recordVersions): delivery checks they still exist. */
  @Column('uuid', { name: 'record_ids', array: true, nullable: true })
  recordIds: string[] | null;

  /** The version of each record packaged: delivery refuses the part if one moved on or was erased. */
  @Column('integer', { name: 'record_versions', array: true, nullable: true })
  recordVersions: number[] | null;

  @Column('timestamptz', { name: 'reserved_at' })
  reservedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
