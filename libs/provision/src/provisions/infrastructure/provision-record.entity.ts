import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Text in Japanese, optionally English. */
export interface LocalisedName {
  ja: string;
  en?: string;
}

/** The benefit credited for one provision, as the offer stated it. */
export interface ProvisionBenefit {
  type: 'points' | 'yen' | 'service' | 'social';
  amount?: number;
  description: LocalisedName;
}

/**
 * One provision (提供記録): the records of one individual that reached one recipient in one downloaded
 * part, under which consent (and its version), with which items and record digests. Append-only (trigger);
 * each is a leaf of the transparency log. Matches migrations CreateTransfersAndProvisions and PartitionLedgersByMonth.
 */
@Entity({ name: 'provision_records' })
// Partitioned by month on provided_at (migration 1795340049000): every unique constraint carries it.
@Unique('uq_provision_records_transfer_individual', ['transferId', 'individualId', 'providedAt'])
@Unique('uq_provision_records_leaf', ['leafId', 'providedAt'])
@Index('ix_provision_records_individual_time', ['individualId', 'providedAt', 'id'])
@Index('ix_provision_records_recipient_time', ['recipientId', 'providedAt', 'id'])
@Index('ix_provision_records_consent', ['consentId'])
// Leak tracing finds which part carried a pseudonymous id (migration 1795340044000).
@Index('ix_provision_records_subject', ['subjectId'])
// The board's audit and the public statistics read all recipients in a window, newest first: an expression index
// (("provided_at" AT TIME ZONE 'UTC'), id) that the migration owns (1795340032000).
@Index('ix_provision_records_time_utc', { synchronize: false })
// The data-life run walks provisions by the end of their data life (an expression index, so the migration owns it:
// (provided_at AT TIME ZONE 'UTC') + make_interval(days => data_life_days), id).
@Index('ix_provision_records_data_life_end', { synchronize: false })
export class ProvisionRecordEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_provision_records' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  /** The pseudonymous id the recipient knows the individual by. */
  @Column('text', { name: 'subject_id' })
  subjectId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'consent_id' })
  consentId: string;

  @Column('integer', { name: 'consent_version' })
  consentVersion: number;

  @Column('uuid', { name: 'transfer_id' })
  transferId: string;

  @Column('integer', { name: 'part' })
  part: number;

  @Column('text', { name: 'items', array: true })
  items: string[];

  @Column('text', { name: 'record_digests', array: true })
  recordDigests: string[];

  @Column('jsonb', { name: 'recipient_name' })
  recipientName: LocalisedName;

  @Column('text', { name: 'purpose_code' })
  purposeCode: string;

  @Column('jsonb', { name: 'purpose_text' })
  purposeText: LocalisedName;

  @Column('jsonb', { name: 'benefit' })
  benefit: ProvisionBenefit;

  /** Days the recipient may keep the data (from the offer): the data-life end is provided_at + this. */
  @Column('integer', { name: 'data_life_days' })
  dataLifeDays: number;

  /** The partition key (one partition a month): part of the primary key, as PostgreSQL requires. */
  @PrimaryColumn('timestamptz', { name: 'provided_at', primaryKeyConstraintName: 'pk_provision_records' })
  providedAt: Date;

  /** The transparency log leaf recording this provision. */
  @Column('uuid', { name: 'leaf_id' })
  leafId: string;
}
