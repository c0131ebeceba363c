import { OrganisationEntity } from '@infobank/catalog';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { DepositResponse } from '../domain/deposit-outcome';

/**
 * One signed batch a provider deposited: its batchId (unique per provider, so a batch sent again
 * gets the stored answer), the digests of what was signed and the key that signed it, and the answer
 * given. Matches migration CreateVaultRecords.
 */
@Entity({ name: 'deposit_batches' })
@Unique('uq_deposit_batches_provider_batch', ['providerId', 'batchId'])
@Check('ck_deposit_batches_record_count', `"record_count" BETWEEN 1 AND 5000`)
export class DepositBatchEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_deposit_batches' })
  id: string;

  @Column('uuid', { name: 'provider_id' })
  providerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_deposit_batches_provider' })
  provider?: OrganisationEntity;

  /** The provider's own id of the batch. */
  @Column('text', { name: 'batch_id' })
  batchId: string;

  /** SHA-256 of the compact JWS as received: the provenance every record of the batch carries. */
  @Column('bytea', { name: 'jws_digest' })
  jwsDigest: Buffer;

  /** SHA-256 of the signed payload, to recognise the same batch re-signed (ES256/PS256 signatures vary). */
  @Column('bytea', { name: 'payload_digest' })
  payloadDigest: Buffer;

  /** kid of the provider's registered key that signed the batch. */
  @Column('text', { name: 'signing_kid' })
  signingKid: string;

  @Column('integer', { name: 'record_count' })
  recordCount: number;

  /** The answer given (record ids, statuses, codes and JSON pointers; no record content); null while the batch is stored. */
  @Column('jsonb', { name: 'response', nullable: true })
  response: DepositResponse | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
