import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Expertise } from '../domain/board-member';
import type { VoteDecision } from '../domain/review-case';
import { BoardMemberEntity } from './board-member.entity';
import { ReviewCaseEntity } from './review-case.entity';

/**
 * A member's vote in one round (one per member per case), with the member's expertise and external
 * flag as they stood when voting. Append-only (a trigger refuses UPDATE and DELETE).
 */
@Entity({ name: 'review_votes' })
@Check('ck_review_votes_decision', `"decision" IN ('approve', 'reject', 'request_changes')`)
export class ReviewVoteEntity {
  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'pk_review_votes' })
  caseId: string;

  @PrimaryColumn('uuid', { name: 'member_id', primaryKeyConstraintName: 'pk_review_votes' })
  memberId: string;

  @ManyToOne(() => ReviewCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_review_votes_case' })
  reviewCase?: ReviewCaseEntity;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_review_votes_member' })
  member?: BoardMemberEntity;

  @Column('text', { name: 'decision' })
  decision: VoteDecision;

  @Column('text', { name: 'reason' })
  reason: string;

  @Column('text', { name: 'expertise' })
  expertise: Expertise;

  @Column('boolean', { name: 'external' })
  external: boolean;

  @Column('timestamptz', { name: 'cast_at' })
  castAt: Date;
}
