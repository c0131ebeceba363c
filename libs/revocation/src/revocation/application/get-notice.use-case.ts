import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';
import { NoticeNotFoundError } from '../../revocation.errors';
import { noticeView, requireRecipient, type NoticeView } from './notice-view';

/** One of the calling recipient's notices (another recipient's reads as not found). */
@Injectable()
export class GetNoticeUseCase {
  constructor(private readonly notices: WithdrawalNoticeQueries) {}

  async execute(ctx: RequestContext, noticeId: unknown): Promise<NoticeView> {
    const recipientId = requireRecipient(ctx);
    if (!isUuid(noticeId)) throw new NoticeNotFoundError();
    const notice = await this.notices.findOwn(ctx, noticeId, recipientId);
    if (notice === null) throw new NoticeNotFoundError();
    return noticeView(notice);
  }
}
