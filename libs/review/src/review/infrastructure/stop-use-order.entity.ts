import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OrderTargetType } from '../domain/stop-use-order';
import { BoardMemberEntity } from './board-member.entity';

/**
 * A stop-use order (利用停止命令): who proposed, confirmed, asked to lift and lifted it, and when.
 * The database also refuses one member taking both steps. Matches migration CreateReviewCasesAndOrders.
 */
@Entity({ name: 'stop_use_orders' })
@Index('ix_stop_use_orders_status', ['status'])
@Index('ix_stop_use_orders_target', ['targetType', 'targetId'])
@Check('ck_stop_use_orders_target_type', `"target_type" IN ('recipient', 'offer', 'category')`)
@Check('ck_stop_use_orders_status', `"status" IN ('proposed', 'effective', 'lifted')`)
@Check('ck_stop_use_orders_two_to_confirm', `"confirmed_by" IS NULL OR "confirmed_by" <> "proposed_by"`)
@Check('ck_stop_use_orders_two_to_lift', `"lifted_by" IS NULL OR "lifted_by" <> "lift_requested_by"`)
export class StopUseOrderEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_stop_use_orders' })
  id: string;

  @Column('text', { name: 'target_type' })
  targetType: OrderTargetType;

  /** Recipient id, offer id, or category code. */
  @Column('text', { name: 'target_id' })
  targetId: string;

  @Column('text', { name: 'reason' })
  reason: string;

  @Column('text', { name: 'status' })
  status: 'proposed' | 'effective' | 'lifted';

  @Column('uuid', { name: 'proposed_by' })
  proposedBy: string;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_stop_use_orders_proposed_by' })
  proposer?: BoardMemberEntity;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('uuid', { name: 'confirmed_by', nullable: true })
  confirmedBy: string | null;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_stop_use_orders_confirmed_by' })
  confirmer?: BoardMemberEntity;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Column('uuid', { name: 'lift_requested_by', nullable: true })
  liftRequestedBy: string | null;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lift_requested_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_stop_use_orders_lift_requested_by' })
  liftRequester?: BoardMemberEntity;

  @Column('timestamptz', { name: 'lift_requested_at', nullable: true })
  liftRequestedAt: Date | null;

  @Column('text', { name: 'lift_reason', nullable: true })
  liftReason: string | null;

  @Column('uuid', { name: 'lifted_by', nullable: true })
  liftedBy: string | null;

  @ManyToOne(() => BoardMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lifted_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_stop_use_orders_lifted_by' })
  lifter?: BoardMemberEntity;

  @Column('timestamptz', { name: 'lifted_at', nullable: true })
  liftedAt: Date | null;
}
