import { Injectable } from '@nestjs/common';
import type { AccountClaimsSource } from '@infobank/auth';
import type { EntityManager } from 'typeorm';
import { BoardMemberStore } from '../infrastructure/board-member.store';

/**
 * What a board member's access token says besides `role`: their `expertise` and `external` flag.
 * An account without a board profile may not sign in at the board.
 */
@Injectable()
export class BoardMemberClaims implements AccountClaimsSource {
  constructor(private readonly members: BoardMemberStore) {}

  async claimsFor(accountId: string, manager?: EntityManager): Promise<Record<string, unknown> | null> {
    const member = await this.members.find(accountId, manager);
    return member === null ? null : { expertise: member.expertise, external: member.external };
  }
}
