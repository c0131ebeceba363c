import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KekGenerationEntity } from '../../kek-generations/infrastructure/kek-generation.entity';

/**
 * An individual's data key, wrapped by a key-encryption key. Deleting the row is crypto-shredding:
 * everything encrypted under it becomes unreadable. Matches migrations CreateOutboxAndDataKeys and
 * AddKekGenerations.
 */
@Entity({ name: 'data_keys' })
@Index('ix_data_keys_kek_generation', ['kekGeneration'])
@Check(
  'ck_data_keys_kek_generation',
  `("kek_generation" IS NULL AND "kek_id" NOT LIKE 'kek-gen-%') OR "kek_id" = 'kek-gen-' || "kek_generation"`,
)
export class DataKeyEntity {
  @PrimaryColumn('uuid', { name: 'subject_id', primaryKeyConstraintName: 'pk_data_keys' })
  subjectId: string;

  /** Which key-encryption key wrapped it (KEKs rotate; old ones still unwrap). */
  @Column('text', { name: 'kek_id' })
  kekId: string;

  /** The KEK generation that wrapped it; null for a legacy KEK from config (before generations). */
  @Column('integer', { name: 'kek_generation', nullable: true })
  kekGeneration: number | null;

  @ManyToOne(() => KekGenerationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kek_generation', referencedColumnName: 'generation', foreignKeyConstraintName: 'fk_data_keys_kek_generation' })
  generation?: KekGenerationEntity;

  @Column('bytea', { name: 'wrapped_key' })
  wrappedKey: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** The entities libs/crypto contributes to the application's data source. */
export const CRYPTO_ENTITIES = [DataKeyEntity, KekGenerationEntity];
