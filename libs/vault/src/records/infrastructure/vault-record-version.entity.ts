import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { VaultRecordEntity } from './vault-record.entity';

/**
 * A superseded version of a deposited record, kept as history: what the current row held before a
 * newer version replaced it, still encrypted under the individual's data key with its own AAD.
 * Erasing the record removes its history with it. Matches migration CreateVaultRecords.
 */
@Entity({ name: 'vault_record_versions' })
@Unique('uq_vault_record_versions_record_version', ['vaultRecordId', 'version'])
export class VaultRecordVersionEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_vault_record_versions' })
  id: string;

  @Column('uuid', { name: 'vault_record_id' })
  vaultRecordId: string;

  @ManyToOne(() => VaultRecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vault_record_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_vault_record_versions_record' })
  record?: VaultRecordEntity;

  @Column('integer', { name: 'version' })
  version: number;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @Column('text', { name: 'category' })
  category: string;

  @Column('timestamptz', { name: 'observed_at' })
  observedAt: Date;

  @Column('bytea', { name: 'content_digest' })
  contentDigest: Buffer;

  @Column('bytea', { name: 'ciphertext' })
  ciphertext: Buffer;

  @Column('integer', { name: 'plaintext_bytes' })
  plaintextBytes: number;

  @Column('uuid', { name: 'deposit_batch_id' })
  depositBatchId: string;

  @Column('bytea', { name: 'jws_digest' })
  jwsDigest: Buffer;

  @Column('text', { name: 'signing_kid' })
  signingKid: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  /** When a newer version replaced this one. */
  @Column('timestamptz', { name: 'superseded_at' })
  supersededAt: Date;
}
