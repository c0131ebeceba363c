import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { NoticeKind, NoticeStatus } from '../domain/notice';

/**
 * One notice to one recipient: stop using and delete these subjects' data from these transfers, and
 * attest it by `due_at`. `source_key` names what caused it (a consent version, an order, a data-life
 * run, an erasure) so the same cause never notifies twice. Matches migration CreateWithdrawalNotices.
 */
@Entity({ name: 'withdrawal_notices' })
@Unique('uq_withdrawal_notices_recipient_source', ['recipientId', 'sourceKey'])
@Check(
  'ck_withdrawal_notices_kind',
  `"kind" IN ('consent_revoked', 'consent_expired', 'data_life_ended', 'data_erased', 'account_closed', 'stop_use_order')`,
)
@Check('ck_withdrawal_notices_status', `"status" IN ('open', 'attested', 'overdue')`)
@Check('ck_withdrawal_notices_attested', `("attested_at" IS NOT NULL) = ("attestation_jws" IS NOT NULL)`)
@Check('ck_withdrawal_notices_due', `"due_at" > "issued_at"`)
@Index('ix_withdrawal_notices_recipient_time', ['recipientId', 'issuedAt', 'id'])
@Index('ix_withdrawal_notices_open_due', ['dueAt'], { where: `"status" = 'open'` })
export class WithdrawalNoticeEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_withdrawal_notices' })
  id: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('text', { name: 'kind' })
  kind: NoticeKind;

  @Column('text', { name: 'source_key' })
  sourceKey: string;

  @Column('uuid', { name: 'offer_id', nullable: true })
  offerId: string | null;

  /** The reason as the recipient reads it (NOTICE_REASONS; never the individual's own words). */
  @Column('text', { name: 'reason' })
  reason: string;

  /** Pseudonymous subject ids, as the recipient knows them (sorted). */
  @Column('text', { name: 'subjects', array: true })
  subjects: string[];

  /** The transfers whose data the subjects' records came in (sorted). */
  @Column('uuid', { name: 'transfers', array: true })
  transfers: string[];

  @Column('text', { name: 'status' })
  status: NoticeStatus;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  /** When it was found past due unattested (escalated to the board). */
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column('timestamptz', { name: 'attested_at', nullable: true })
  attestedAt: Date | null;

  /** The recipient's compact JWS, as received. */
  @Column('text', { name: 'attestation_jws', nullable: true })
  attestationJws: string | null;

  @Column('text', { name: 'attestation_kid', nullable: true })
  attestationKid: string | null;

  /** When the recipient says it deleted the data (from the attestation). */
  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @Column('text', { name: 'statement', nullable: true })
  statement: string | null;
}
