import { Injectable } from '@nestjs/common';
import type { AccountClaimsSource } from '@infobank/auth';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import type { RequestContext } from '@infobank/platform';

/**
 * What a board member's access token says besides `role`: their `expertise` and `external` flag.
 * An account without a board profile may not sign in at the board.
 */
@Injectable()
export class BoardMemberClaims implements AccountClaimsSource {
  constructor(private readonly members: BoardMemberStore) {}

  async claimsFor(ctx: RequestContext, accountId: string): Promise<Record<string, unknown> | null> {
    const member = await this.members.find(accountId, ctx.transaction);
    return member === null ? null : { expertise: member.expertise, external: member.external };
  }
}
