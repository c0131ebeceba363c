import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ReviewOutcome } from '../domain/offer';
import { OfferEntity } from './offer.entity';

/**
 * The board's decision on one review round of an offer, as the recipient is told it (status and
 * reasons) and individuals see it (the decision date). Matches migration CreateOffers.
 */
@Entity({ name: 'offer_review_outcomes' })
@Unique('uq_offer_review_outcomes_case', ['caseId'])
@Check('ck_offer_review_outcomes_outcome', `"outcome" IN ('approved', 'rejected', 'changes_requested')`)
export class OfferReviewOutcomeEntity {
  @PrimaryColumn('uuid', { name: 'offer_id', primaryKeyConstraintName: 'pk_offer_review_outcomes' })
  offerId: string;

  @PrimaryColumn('integer', { name: 'round', primaryKeyConstraintName: 'pk_offer_review_outcomes' })
  round: number;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_offer_review_outcomes_offer' })
  offer?: OfferEntity;

  /** The board's review case that decided (libs/review); recording the same case twice is a no-op. */
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text', { name: 'outcome' })
  outcome: ReviewOutcome;

  @Column('jsonb', { name: 'reasons' })
  reasons: string[];

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
