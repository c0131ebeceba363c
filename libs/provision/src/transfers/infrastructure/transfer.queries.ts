import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TransferPartEntity } from './transfer-part.entity';
import { TransferSubjectEntity } from './transfer-subject.entity';
import { TransferEntity } from './transfer.entity';

/** Where a keyset page of transfers starts: after this request time and id (newest first). */
export interface TransferCursor {
  at: string;
  id: string;
}

/**
 * What recipients read about their transfers (no locks, no writes): in the context's transaction when it
 * has one, otherwise on their own connection.
 */
@Injectable()
export class TransferQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The recipient's transfer, or null (another recipient's reads as none). */
  async transferOf(ctx: RequestContext, recipientId: string, transferId: string): Promise<TransferEntity | null> {
    return this.manager(ctx).findOne(TransferEntity, { where: { id: transferId, recipientId } });
  }

  /** A transfer's parts in part order. */
  async partsOf(ctx: RequestContext, transferId: string): Promise<TransferPartEntity[]> {
    return this.manager(ctx).find(TransferPartEntity, { where: { transferId }, order: { part: 'ASC' } });
  }

  /** A transfer's subjects in subject order: their id, status, reason and part only. */
  async subjectsOf(
    ctx: RequestContext,
    transferId: string,
  ): Promise<Pick<TransferSubjectEntity, 'subjectId' | 'status' | 'reason' | 'part'>[]> {
    return this.manager(ctx).find(TransferSubjectEntity, {
      where: { transferId },
      select: { subjectId: true, status: true, reason: true, part: true },
      order: { subjectId: 'ASC' },
    });
  }

  /** Up to `limit` of the recipient's transfers, newest first, optionally of one offer, after `cursor`. */
  async pageOf(
    ctx: RequestContext,
    recipientId: string,
    filter: { offerId?: string; cursor: TransferCursor | null },
    limit: number,
  ): Promise<TransferEntity[]> {
    const builder = this.manager(ctx)
      .createQueryBuilder(TransferEntity, 't')
      .where('t.recipient_id = :recipientId', { recipientId })
      .orderBy('t.requested_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit);
    if (filter.offerId !== undefined) builder.andWhere('t.offer_id = :offerId', { offerId: filter.offerId });
    if (filter.cursor)
      builder.andWhere('(t.requested_at, t.id) < (:at::timestamptz, :id::uuid)', { at: filter.cursor.at, id: filter.cursor.id });
    return builder.getMany();
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
