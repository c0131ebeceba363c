import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { BoardMember } from '../domain/board-member';
import { BoardMemberEntity } from '../infrastructure/board-member.entity';

/** The members of the data ethics board, by name: who reviews offers and how the board is composed. */
@Injectable()
export class ListBoardMembersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(_ctx: RequestContext): Promise<BoardMember[]> {
    const rows = await this.dataSource.manager.find(BoardMemberEntity, { order: { name: 'ASC', id: 'ASC' } });
    return rows.map(({ id, name, expertise, external }) => ({ id, name, expertise, external }));
  }
}
