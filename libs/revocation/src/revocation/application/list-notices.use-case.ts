import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { type FieldProblem, type RequestContext, requireRecipient, ValidationFailedError } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { NOTICE_STATUSES, type NoticeStatus } from '../domain/notice';
import { WithdrawalNoticeEntity } from '../infrastructure/withdrawal-notice.entity';
import { noticeView, NOTICES_ARE_READ_BY_RECIPIENTS, type NoticeView } from './notice-view';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, query: ListNoticesQuery): Promise<{ notices: NoticeView[]; nextCursor: string | null }> {
    const recipientId = requireRecipient(ctx, NOTICES_ARE_READ_BY_RECIPIENTS);
    const problems: FieldProblem[] = [];
    if (query.status !== undefined && !(NOTICE_STATUSES as readonly unknown[]).includes(query.status)) {
      problems.push({ path: '/status', message: `must be one of ${NOTICE_STATUSES.join(', ')}` });
    }
    if (query.cursor !== undefined && !isUuid(query.cursor))
      problems.push({ path: '/cursor', message: 'is not a cursor this API gave out' });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const manager = ctx.transaction ?? this.dataSource.manager;
    const builder = manager
      .createQueryBuilder(WithdrawalNoticeEntity, 'n')
      .where('n.recipient_id = :recipientId', { recipientId })
      .orderBy('n.issued_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(NOTICE_PAGE_SIZE + 1);
    if (query.status !== undefined) builder.andWhere('n.status = :status', { status: query.status as NoticeStatus });
    if (query.cursor !== undefined) {
      // The cursor names a notice; another recipient's id (or an unknown one) reads as a cursor we never gave out.
      const after = await manager.findOne(WithdrawalNoticeEntity, {
        where: { id: query.cursor as string, recipientId },
        select: { id: true, issuedAt: true },
      });
      if (after === null) throw new ValidationFailedError([{ path: '/cursor', message: 'is not a cursor this API gave out' }]);
      builder.andWhere('(n.issued_at, n.id) < (:at::timestamptz, :id::uuid)', { at: after.issuedAt.toISOString(), id: after.id });
    }
    const rows = await builder.getMany();
    const page = rows.slice(0, NOTICE_PAGE_SIZE);
    return {
      notices: page.map(noticeView),
      nextCursor: rows.length > NOTICE_PAGE_SIZE ? page[page.length - 1].id : null,
    };
  }
}
