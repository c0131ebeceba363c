import { AccountEntity } from '@infobank/identity';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Expertise } from '../domain/board-member';

/**
 * A data ethics board member's profile. Its id is the member's account id (a `board_member`
 * account in libs/auth), so the access token's `sub` names the member. Matches migration
 * CreateBoardMembers.
 */
@Entity({ name: 'board_members' })
@Check('ck_board_members_expertise', `"expertise" IN ('engineer', 'security', 'legal', 'data_ethics', 'consumer', 'media')`)
export class BoardMemberEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_board_members' })
  id: string;

  // Many-to-one in TypeORM's terms only: the primary key already makes it one profile per account.
  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_board_members_account' })
  account?: AccountEntity;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'expertise' })
  expertise: Expertise;

  /** An outside member (not bank staff). */
  @Column('boolean', { name: 'external' })
  external: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
