import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An individual's data key, wrapped by a key-encryption key. Deleting the row is crypto-shredding:
 * everything encrypted under it becomes unreadable. Matches migration CreateOutboxAndDataKeys.
 */
@Entity({ name: 'data_keys' })
export class DataKeyEntity {
  @PrimaryColumn('uuid', { name: 'subject_id', primaryKeyConstraintName: 'pk_data_keys' })
  subjectId: string;

  /** Which key-encryption key wrapped it (KEKs rotate; old ones still unwrap). */
  @Column('text', { name: 'kek_id' })
  kekId: string;

  @Column('bytea', { name: 'wrapped_key' })
  wrappedKey: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** The entities libs/crypto contributes to the application's data source. */
export const CRYPTO_ENTITIES = [DataKeyEntity];
