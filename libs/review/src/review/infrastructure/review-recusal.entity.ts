import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Expertise } from '../domain/board-member';
import { BoardMemberEntity } from './board-member.entity';
import { ReviewCaseEntity } from './review-case.entity';

/** A member's recusal from one round (their vote, if any, stops counting). Append-only. */
@Entity({ name: 'review_recusals' })
export class ReviewRecusalEntity {
  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'pk_review_recusals' })
  caseId: string;

  @PrimaryColumn('uuid', { name: 'member_id', primaryKeyConstraintName: 'pk_review_recusals' })
  memberId: string;

  @ManyToOne(() => ReviewCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_review_recusals_case' })
  reviewCase?: ReviewCaseEntity;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_review_recusals_member' })
  member?: BoardMemberEntity;

  @Column('text', { name: 'reason' })
  reason: string;

  @Column('text', { name: 'expertise' })
  expertise: Expertise;

  @Column('boolean', { name: 'external' })
  external: boolean;

  @Column('timestamptz', { name: 'recused_at' })
  recusedAt: Date;
}
