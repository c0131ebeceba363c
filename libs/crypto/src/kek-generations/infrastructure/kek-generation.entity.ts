import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KekGenerationState } from '../domain/kek-generation';

/**
 * One key-encryption key generation: its number, state and timestamps, and the progress of the re-wrap
 * into it. Never its key, which lives only in the generation directory (a backup of this table holds no
 * key material). Matches migration AddKekGenerations.
 */
@Entity({ name: 'kek_generations' })
@Index('uq_kek_generations_active', ['state'], { unique: true, where: `"state" = 'active'` })
@Check('ck_kek_generations_generation', `"generation" >= 1`)
@Check('ck_kek_generations_state', `"state" IN ('active', 'retired', 'destroyed')`)
@Check(
  'ck_kek_generations_lifecycle',
  `("state" = 'active') = ("retired_at" IS NULL) AND ("state" = 'destroyed') = ("destroyed_at" IS NOT NULL)`,
)
@Check('ck_kek_generations_rewrapped_keys', `"rewrapped_keys" >= 0`)
export class KekGenerationEntity {
  @PrimaryColumn('integer', { name: 'generation', primaryKeyConstraintName: 'pk_kek_generations' })
  generation: number;

  @Column('text', { name: 'state' })
  state: KekGenerationState;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  /** When the last live data key wrapped under it was re-wrapped away (the clock of the backup retention window). */
  @Column('timestamptz', { name: 'drained_at', nullable: true })
  drainedAt: Date | null;

  @Column('timestamptz', { name: 'destroyed_at', nullable: true })
  destroyedAt: Date | null;

  /** Data keys re-wrapped into this generation so far. */
  @Column('integer', { name: 'rewrapped_keys', default: 0 })
  rewrappedKeys: number;

  /** The last individual whose data key the current re-wrap pass moved here (where a resumed pass continues). */
  @Column('uuid', { name: 'rewrap_cursor', nullable: true })
  rewrapCursor: string | null;

  /** When a re-wrap pass last found no live data key under an older generation or a legacy KEK. */
  @Column('timestamptz', { name: 'rewrap_completed_at', nullable: true })
  rewrapCompletedAt: Date | null;
}
