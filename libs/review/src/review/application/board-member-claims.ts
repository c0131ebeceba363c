import { Injectable } from '@nestjs/common';
import type { AccountClaimsSource } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BoardMemberEntity } from '../infrastructure/board-member.entity';

/**
 * What a board member's access token says besides `role`: their `expertise` and `external` flag.
 * An account without a board profile may not sign in at the board.
 */
@Injectable()
export class BoardMemberClaims implements AccountClaimsSource {
  constructor(private readonly dataSource: DataSource) {}

  async claimsFor(ctx: RequestContext, accountId: string): Promise<Record<string, unknown> | null> {
    const member = await (ctx.transaction ?? this.dataSource.manager).findOne(BoardMemberEntity, { where: { id: accountId } });
    return member === null ? null : { expertise: member.expertise, external: member.external };
  }
}
