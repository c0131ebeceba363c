import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { WithdrawalNoticeEntity } from '../infrastructure/withdrawal-notice.entity';
import { NoticeNotFoundError } from '../../revocation.errors';
import { noticeView, requireRecipient, type NoticeView } from './notice-view';

/** One of the calling recipient's notices (another recipient's reads as not found). */
@Injectable()
export class GetNoticeUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, noticeId: unknown): Promise<NoticeView> {
    const recipientId = requireRecipient(ctx);
    if (!isUuid(noticeId)) throw new NoticeNotFoundError();
    const notice = await (ctx.transaction ?? this.dataSource.manager).findOne(WithdrawalNoticeEntity, {
      where: { id: noticeId, recipientId },
    });
    if (notice === null) throw new NoticeNotFoundError();
    return noticeView(notice);
  }
}
