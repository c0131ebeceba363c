import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { BenefitType, BilingualText } from '../domain/benefit';

/**
 * One benefit (便益) credited to an individual for one provision, append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE). Matches migration CreateBenefitLedger.
 */
@Entity({ name: 'benefit_entries' })
@Unique('uq_benefit_entries_provision', ['provisionId'])
@Check('ck_benefit_entries_type', `"type" IN ('points', 'yen', 'service', 'social')`)
@Check('ck_benefit_entries_amount', `"amount" IS NULL OR "amount" > 0`)
@Index('ix_benefit_entries_individual_time', ['individualId', 'creditedAt', 'id'])
export class BenefitEntryEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_benefit_entries' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @Column('uuid', { name: 'provision_id' })
  provisionId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('jsonb', { name: 'recipient_name' })
  recipientName: BilingualText;

  @Column('jsonb', { name: 'purpose_text' })
  purposeText: BilingualText;

  @Column('text', { name: 'type' })
  type: BenefitType;

  @Column('integer', { name: 'amount', nullable: true })
  amount: number | null;

  @Column('jsonb', { name: 'description' })
  description: BilingualText;

  @Column('timestamptz', { name: 'credited_at' })
  creditedAt: Date;
}
