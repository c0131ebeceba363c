import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { BoardMember } from '../domain/board-member';
import { BoardMemberEntity } from './board-member.entity';

/** board_members: the board's member profiles (each the profile of a `board_member` account). */
@Injectable()
export class BoardMemberStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The member's profile, or null; in `transaction` when given. */
  async find(memberId: string, transaction: EntityManager = this.dataSource.manager): Promise<BoardMember | null> {
    const row = await transaction.findOne(BoardMemberEntity, { where: { id: memberId } });
    return row === null ? null : { id: row.id, name: row.name, expertise: row.expertise, external: row.external };
  }

  /** Inserts the profile of a new member's account. */
  async insert(tx: TransactionalContext, member: BoardMember): Promise<void> {
    await tx.transaction.insert(BoardMemberEntity, member);
  }

  /** Every member, by name. */
  async list(ctx: RequestContext): Promise<BoardMember[]> {
    const rows = await (ctx.transaction ?? this.dataSource.manager).find(BoardMemberEntity, { order: { name: 'ASC', id: 'ASC' } });
    return rows.map(({ id, name, expertise, external }) => ({ id, name, expertise, external }));
  }
}
