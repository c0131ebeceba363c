import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { NoticeKind } from '../domain/notice';
import { WithdrawalNoticeEntity } from './withdrawal-notice.entity';

/**
 * A provision a notice covers (one provision is noticed once per kind), with its individual and consent
 * so that an individual's withdrawal view finds the notices of their consent. Matches migration CreateWithdrawalNotices.
 */
@Entity({ name: 'withdrawal_notice_provisions' })
@Unique('uq_withdrawal_notice_provisions_provision_kind', ['provisionId', 'kind'])
@Index('ix_withdrawal_notice_provisions_consent', ['consentId'])
@Index('ix_withdrawal_notice_provisions_individual', ['individualId'])
export class WithdrawalNoticeProvisionEntity {
  @PrimaryColumn('uuid', { name: 'notice_id', primaryKeyConstraintName: 'pk_withdrawal_notice_provisions' })
  noticeId: string;

  @ManyToOne(() => WithdrawalNoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_withdrawal_notice_provisions_notice' })
  notice?: WithdrawalNoticeEntity;

  @PrimaryColumn('uuid', { name: 'provision_id', primaryKeyConstraintName: 'pk_withdrawal_notice_provisions' })
  provisionId: string;

  @Column('text', { name: 'kind' })
  kind: NoticeKind;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @Column('uuid', { name: 'consent_id' })
  consentId: string;
}
