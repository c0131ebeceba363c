import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { CountableBenefitType, StandingConditionMode } from '../domain/standing-conditions';

/**
 * One individual's standing conditions (予め指定した条件): at most one row each, replaced by PUT.
 * Matches migration CreateStandingConditionsApprovalsNotifications.
 */
@Entity({ name: 'standing_conditions' })
@Check('ck_standing_conditions_mode', `"mode" IN ('auto', 'ask')`)
@Check(
  'ck_standing_conditions_minimum_benefit',
  `("minimum_benefit_type" IS NULL AND "minimum_benefit_amount" IS NULL)` +
    ` OR ("minimum_benefit_type" IN ('points', 'yen') AND "minimum_benefit_amount" > 0)`,
)
// The evaluation job pages through the individuals who accept the offer's purpose (`purposes @> ARRAY[code]`):
// a GIN index, made by the migration, which TypeORM cannot describe (synchronize: false leaves it alone).
@Index('ix_standing_conditions_purposes', { synchronize: false })
export class StandingConditionsEntity {
  @PrimaryColumn('uuid', { name: 'individual_id', primaryKeyConstraintName: 'pk_standing_conditions' })
  individualId: string;

  @OneToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_standing_conditions_individual' })
  individual?: AccountEntity;

  @Column('text', { name: 'purposes', array: true })
  purposes: string[];

  @Column('boolean', { name: 'allow_cross_border' })
  allowCrossBorder: boolean;

  @Column('boolean', { name: 'allow_profiling' })
  allowProfiling: boolean;

  @Column('text', { name: 'minimum_benefit_type', nullable: true })
  minimumBenefitType: CountableBenefitType | null;

  @Column('integer', { name: 'minimum_benefit_amount', nullable: true })
  minimumBenefitAmount: number | null;

  @Column('uuid', { name: 'excluded_recipients', array: true })
  excludedRecipients: string[];

  @Column('text', { name: 'mode' })
  mode: StandingConditionMode;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
