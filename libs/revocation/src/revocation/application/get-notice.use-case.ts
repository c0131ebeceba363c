import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';
import { requireRecipient } from '@infobank/platform';
import { NoticeNotFoundError } from '../../revocation.errors';
import { noticeView, NOTICES_ARE_READ_BY_RECIPIENTS, type NoticeView } from './notice-view';

/** One of the calling recipient's notices (another recipient's reads as not found). */
@Injectable()
export class GetNoticeUseCase {
  constructor(private readonly notices: WithdrawalNoticeQueries) {}

  async execute(ctx: RequestContext, noticeId: unknown): Promise<NoticeView> {
    const recipientId = requireRecipient(ctx, NOTICES_ARE_READ_BY_RECIPIENTS);
    if (!isUuid(noticeId)) throw new NoticeNotFoundError();
    const notice = await this.notices.findOwn(ctx, noticeId, recipientId);
    if (notice === null) throw new NoticeNotFoundError();
    return noticeView(notice);
  }
}
