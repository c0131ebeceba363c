import type { RequestContext } from '@infobank/platform';
import type { EntityManager } from 'typeorm';
import type { ActingMember } from '../domain/review-case';
import { BoardMemberEntity } from '../infrastructure/board-member.entity';
import { NotABoardMemberError } from '../../review.errors';

/** The board member acting in `ctx`, with their expertise and external flag as they stand now. */
export async function actingMember(ctx: RequestContext, manager: EntityManager): Promise<ActingMember> {
  if (ctx.actor.type !== 'board_member') throw new NotABoardMemberError();
  const member = await manager.findOne(BoardMemberEntity, { where: { id: ctx.actor.id } });
  if (member === null) throw new NotABoardMemberError();
  return { id: member.id, expertise: member.expertise, external: member.external };
}

/** Refuses anyone but a board member (reads of cases and orders are the board's alone). */
export function assertBoardMember(ctx: RequestContext): void {
  if (ctx.actor.type !== 'board_member') throw new NotABoardMemberError();
}
