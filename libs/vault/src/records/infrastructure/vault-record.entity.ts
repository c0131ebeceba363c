import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * The current version of one deposited record. Its content is only ever stored encrypted under the
 * individual's data key (AES-256-GCM, AAD = row id, version and individual); in clear are ids, the
 * category, the observation time, sizes, a keyed digest of the content (never a plain hash) and the
 * provenance (batch, JWS digest, signing kid). Superseded versions move to vault_record_versions.
 * Matches migration CreateVaultRecords.
 */
@Entity({ name: 'vault_records' })
@Unique('uq_vault_records_provider_record', ['providerId', 'recordId'])
// "This individual's records by provider × category, newest first" (scanned backwards); its
// individual_id prefix also serves the individual's summary and erasure.
@Index('ix_vault_records_individual_provider_category_time', ['individualId', 'providerId', 'category', 'observedAt', 'id'])
@Check('ck_vault_records_version', `"version" >= 1`)
export class VaultRecordEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_vault_records' })
  id: string;

  @Column('uuid', { name: 'provider_id' })
  providerId: string;

  /** The provider's own id of the record (unique per provider). */
  @Column('text', { name: 'record_id' })
  recordId: string;

  /** The individual's account id (resolved from the provider's customerRef through the active link). */
  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @Column('text', { name: 'category' })
  category: string;

  @Column('timestamptz', { name: 'observed_at' })
  observedAt: Date;

  /** 1 for the first deposit, +1 for each superseding one. */
  @Column('integer', { name: 'version' })
  version: number;

  /** HMAC-SHA-256 of the content under a key derived from the bank's secret (duplicate detection). */
  @Column('bytea', { name: 'content_digest' })
  contentDigest: Buffer;

  @Column('bytea', { name: 'ciphertext' })
  ciphertext: Buffer;

  /** Size of the plaintext JSON, in bytes. */
  @Column('integer', { name: 'plaintext_bytes' })
  plaintextBytes: number;

  /** The deposit_batches row of this version. */
  @Column('uuid', { name: 'deposit_batch_id' })
  depositBatchId: string;

  /** SHA-256 of the compact JWS this version arrived in. */
  @Column('bytea', { name: 'jws_digest' })
  jwsDigest: Buffer;

  @Column('text', { name: 'signing_kid' })
  signingKid: string;

  /** When this version arrived. */
  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  /** When the first version arrived. */
  @Column('timestamptz', { name: 'first_received_at' })
  firstReceivedAt: Date;
}
