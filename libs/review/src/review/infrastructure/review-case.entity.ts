import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { OfferSnapshot } from '@infobank/offers';
import type { CaseOutcome, StricterReviewReason } from '../domain/review-case';

/**
 * One round of the board's review of one offer: the offer as it was submitted, and once decided the
 * outcome and the bank's signed decision (a JWS over the votes). Matches migration CreateReviewCasesAndOrders.
 */
@Entity({ name: 'review_cases' })
@Unique('uq_review_cases_offer_round', ['offerId', 'round'])
@Index('ix_review_cases_status_opened', ['status', 'openedAt'])
@Index('ix_review_cases_recipient_opened', ['recipientId', 'openedAt'])
@Check('ck_review_cases_round', `"round" >= 1`)
@Check('ck_review_cases_status', `"status" IN ('open', 'decided')`)
@Check('ck_review_cases_outcome', `"outcome" IN ('approved', 'rejected', 'changes_requested')`)
@Check(
  'ck_review_cases_decision',
  `("status" = 'open' AND "outcome" IS NULL AND "decided_at" IS NULL AND "decision_jws" IS NULL) OR ("status" = 'decided' AND "outcome" IS NOT NULL AND "decided_at" IS NOT NULL AND "decision_jws" IS NOT NULL)`,
)
export class ReviewCaseEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_review_cases' })
  id: string;

  /** The offer (libs/offers); not a foreign key, contexts do not share tables. */
  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('integer', { name: 'round' })
  round: number;

  @Column('text', { name: 'status' })
  status: 'open' | 'decided';

  /** Why the offer gets the stricter review; empty for the ordinary one. */
  @Column('text', { name: 'stricter_review', array: true })
  stricterReview: StricterReviewReason[];

  /** The offer as submitted for this round (libs/offers' OfferSnapshot): what the board reviewed. */
  @Column('jsonb', { name: 'offer_snapshot' })
  offerSnapshot: OfferSnapshot;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('text', { name: 'outcome', nullable: true })
  outcome: CaseOutcome | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** The decision with every vote and recusal, signed by the bank (compact JWS, typ review-decision+jws). */
  @Column('text', { name: 'decision_jws', nullable: true })
  decisionJws: string | null;
}
