import { Injectable } from '@nestjs/common';
import type { AccountClaimsSource } from '@infobank/auth';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import type { RequestContext } from '@infobank/platform';
import type { AccountKind } from '@infobank/identity';

/**
 * What a board member's access token says besides `role`: their `expertise` and `external` flag.
 * A `board_member` account without a board profile may not sign in at the board.
 */
@Injectable()
export class BoardMemberClaims implements AccountClaimsSource {
  constructor(private readonly members: BoardMemberStore) {}

  async claimsFor(ctx: RequestContext, accountId: string, kind: AccountKind): Promise<Record<string, unknown> | null> {
    // Complaints desk staff sign in at the board's app too; their tokens carry their role and nothing else.
    if (kind === 'staff') return {};
    const member = await this.members.find(accountId, ctx.transaction);
    return member === null ? null : { expertise: member.expertise, external: member.external };
  }
}
