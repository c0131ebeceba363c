import { OrganisationEntity } from '@infobank/catalog';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Benefit, DataRange, FetchRule, OfferItem, OfferText, StoredOfferStatus } from '../domain/offer';

/** A recipient's data-use offer and where it is in its lifecycle. Matches migration CreateOffers. */
@Entity({ name: 'offers' })
@Index('ix_offers_recipient_created', ['recipientId', 'createdAt'])
@Index('ix_offers_status_valid_until', ['status', 'validUntil'])
@Check('ck_offers_status', `"status" IN ('draft', 'in_review', 'approved', 'rejected', 'changes_requested', 'suspended', 'withdrawn')`)
@Check('ck_offers_round', `"round" >= 0`)
@Check('ck_offers_data_life_days', `"data_life_days" BETWEEN 1 AND 3650`)
export class OfferEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_offers' })
  id: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_offers_recipient' })
  recipient?: OrganisationEntity;

  @Column('text', { name: 'status' })
  status: StoredOfferStatus;

  /** 0 until first submitted; each submission starts the next review round. */
  @Column('integer', { name: 'round' })
  round: number;

  @Column('text', { name: 'purpose_code' })
  purposeCode: string;

  @Column('jsonb', { name: 'purpose_text' })
  purposeText: OfferText;

  @Column('jsonb', { name: 'items' })
  items: OfferItem[];

  /** The catalog categories of `items`, kept beside them so that filters and stop-use orders by category are one predicate. */
  @Column('text', { name: 'category_codes', array: true })
  categoryCodes: string[];

  @Column('jsonb', { name: 'data_range' })
  dataRange: DataRange;

  @Column('jsonb', { name: 'fetch' })
  fetch: FetchRule;

  @Column('integer', { name: 'data_life_days' })
  dataLifeDays: number;

  @Column('jsonb', { name: 'benefit' })
  benefit: Benefit;

  @Column('text', { name: 'processing_countries', array: true })
  processingCountries: string[];

  @Column('boolean', { name: 'profiling' })
  profiling: boolean;

  @Column('text', { name: 'terms_version' })
  termsVersion: string;

  @Column('timestamptz', { name: 'valid_until' })
  validUntil: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
