import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { NoticeStatus } from '../domain/notice';
import { WithdrawalNoticeEntity } from './withdrawal-notice.entity';

/** Counts of one recipient's notices by state, and its median seconds to attest (null when none attested). */
export interface RecipientAttestationRow {
  recipient_id: string;
  open: number;
  attested: number;
  overdue: number;
  median: number | null;
}

/** Where a notice stands in its recipient's newest-first order: a page cursor. */
export type NoticePosition = Pick<WithdrawalNoticeEntity, 'id' | 'issuedAt'>;

/** Reads of withdrawal notices, in the context's transaction when it has one. */
@Injectable()
export class WithdrawalNoticeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The notice, whoever it is for. */
  find(ctx: RequestContext, noticeId: string): Promise<WithdrawalNoticeEntity | null> {
    return this.manager(ctx).findOne(WithdrawalNoticeEntity, { where: { id: noticeId } });
  }

  /** The recipient's notice; null when it is not theirs or does not exist. */
  findOwn(ctx: RequestContext, noticeId: string, recipientId: string): Promise<WithdrawalNoticeEntity | null> {
    return this.manager(ctx).findOne(WithdrawalNoticeEntity, { where: { id: noticeId, recipientId } });
  }

  /** Where a page cursor (one of the recipient's notices) stands; null when it is not theirs. */
  findOwnPosition(ctx: RequestContext, noticeId: string, recipientId: string): Promise<NoticePosition | null> {
    return this.manager(ctx).findOne(WithdrawalNoticeEntity, {
      where: { id: noticeId, recipientId },
      select: { id: true, issuedAt: true },
    });
  }

  /** Up to `take` of the recipient's notices, newest first, optionally in one status and after a position. */
  pageOf(
    ctx: RequestContext,
    recipientId: string,
    filter: { status?: NoticeStatus; after?: NoticePosition },
    take: number,
  ): Promise<WithdrawalNoticeEntity[]> {
    const builder = this.manager(ctx)
      .createQueryBuilder(WithdrawalNoticeEntity, 'n')
      .where('n.recipient_id = :recipientId', { recipientId })
      .orderBy('n.issued_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(take);
    if (filter.status !== undefined) builder.andWhere('n.status = :status', { status: filter.status });
    if (filter.after !== undefined) {
      builder.andWhere('(n.issued_at, n.id) < (:at::timestamptz, :id::uuid)', {
        at: filter.after.issuedAt.toISOString(),
        id: filter.after.id,
      });
    }
    return builder.getMany();
  }

  /** Every notice covering a provision made under the consent, oldest first. */
  ofConsent(ctx: RequestContext, consentId: string): Promise<WithdrawalNoticeEntity[]> {
    return this.manager(ctx)
      .createQueryBuilder(WithdrawalNoticeEntity, 'n')
      .where('n.id IN (SELECT p.notice_id FROM withdrawal_notice_provisions p WHERE p.consent_id = :consentId)', { consentId })
      .orderBy('n.issued_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
  }

  /** Up to `take` overdue notices, oldest due first. */
  overdue(ctx: RequestContext, take: number): Promise<WithdrawalNoticeEntity[]> {
    return this.manager(ctx).find(WithdrawalNoticeEntity, { where: { status: 'overdue' }, order: { dueAt: 'ASC', id: 'ASC' }, take });
  }

  /** Per recipient that has been sent notices, in recipient id order. */
  attestationSummary(ctx: RequestContext): Promise<RecipientAttestationRow[]> {
    return this.manager(ctx).query(
      `SELECT recipient_id,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'attested')::int AS attested,
              count(*) FILTER (WHERE status = 'overdue')::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM attested_at - issued_at))
                FILTER (WHERE status = 'attested') AS median
         FROM withdrawal_notices
        GROUP BY recipient_id
        ORDER BY recipient_id`,
    );
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
