import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { requireBoardMember, type RequestContext } from '@infobank/platform';
import type { NoticeKind } from '../domain/notice';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';

/** Most overdue notices one listing returns. */
export const MAX_LISTED_OVERDUE_NOTICES = 500;

/** An overdue notice as the board reads it: who is late, with what, since when (counts, never subject ids). */
export interface OverdueNoticeView {
  noticeId: string;
  recipient: { id: string; name: OrganisationName | null };
  kind: NoticeKind;
  subjects: number;
  transfers: number;
  issuedAt: string;
  dueAt: string;
  overdueAt: string | null;
}

/** The notices recipients have not attested by their due time, oldest due first (escalated to the board). */
@Injectable()
export class ListOverdueNoticesUseCase {
  constructor(
    private readonly notices: WithdrawalNoticeQueries,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext): Promise<OverdueNoticeView[]> {
    requireBoardMember(ctx, { detail: 'The attestation overview is read by board members: the route needs BoardMemberAuthGuard.' });
    const notices = await this.notices.overdue(ctx, MAX_LISTED_OVERDUE_NOTICES);
    const profiles = await this.organisations.findProfiles(
      ctx,
      notices.map((notice) => notice.recipientId),
    );
    return notices.map((notice) => ({
      noticeId: notice.id,
      recipient: { id: notice.recipientId, name: profiles.get(notice.recipientId)?.name ?? null },
      kind: notice.kind,
      subjects: notice.subjects.length,
      transfers: notice.transfers.length,
      issuedAt: notice.issuedAt.toISOString(),
      dueAt: notice.dueAt.toISOString(),
      overdueAt: notice.overdueAt?.toISOString() ?? null,
    }));
  }
}
