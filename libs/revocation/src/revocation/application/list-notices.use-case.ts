import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { ValidationFailedError, type FieldProblem, type RequestContext, requireRecipient } from '@infobank/platform';
import { NOTICE_STATUSES, type NoticeStatus } from '../domain/notice';
import { WithdrawalNoticeQueries, type NoticePosition } from '../infrastructure/withdrawal-notice.queries';
import { noticeView, type NoticeView, NOTICES_ARE_READ_BY_RECIPIENTS } from './notice-view';

/** Most notices one page lists. */
export const NOTICE_PAGE_SIZE = 50;

/** `GET /v1/notices?status=&cursor=`: the cursor is the id of the last notice of the previous page. */
export interface ListNoticesQuery {
  status?: unknown;
  cursor?: unknown;
}

/** The calling recipient's notices, newest first, optionally in one status; keyset pages of 50. */
@Injectable()
export class ListNoticesUseCase {
  constructor(private readonly notices: WithdrawalNoticeQueries) {}

  async execute(ctx: RequestContext, query: ListNoticesQuery): Promise<{ notices: NoticeView[]; nextCursor: string | null }> {
    const recipientId = requireRecipient(ctx, NOTICES_ARE_READ_BY_RECIPIENTS);
    const problems: FieldProblem[] = [];
    if (query.status !== undefined && !(NOTICE_STATUSES as readonly unknown[]).includes(query.status)) {
      problems.push({ path: '/status', message: `must be one of ${NOTICE_STATUSES.join(', ')}` });
    }
    if (query.cursor !== undefined && !isUuid(query.cursor))
      problems.push({ path: '/cursor', message: 'is not a cursor this API gave out' });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    let after: NoticePosition | undefined;
    if (query.cursor !== undefined) {
      // The cursor names a notice; another recipient's id (or an unknown one) reads as a cursor we never gave out.
      const position = await this.notices.findOwnPosition(ctx, query.cursor as string, recipientId);
      if (position === null) throw new ValidationFailedError([{ path: '/cursor', message: 'is not a cursor this API gave out' }]);
      after = position;
    }
    const status = query.status as NoticeStatus | undefined;
    const rows = await this.notices.pageOf(ctx, recipientId, { status, after }, NOTICE_PAGE_SIZE + 1);
    const page = rows.slice(0, NOTICE_PAGE_SIZE);
    return {
      notices: page.map(noticeView),
      nextCursor: rows.length > NOTICE_PAGE_SIZE ? page[page.length - 1].id : null,
    };
  }
}
