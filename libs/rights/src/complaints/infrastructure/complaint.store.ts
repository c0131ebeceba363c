import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ComplaintCategory, ComplaintStatus } from '../domain/complaint';
import { ComplaintEventEntity } from './complaint-event.entity';
import { ComplaintEntity } from './complaint.entity';

/** What the desk's queue may be narrowed to. */
export interface ComplaintQueueFilter {
  status?: ComplaintStatus;
  category?: ComplaintCategory;
  escalated?: boolean;
  /** Only complaints still waiting for their first answer filed before this time. */
  unansweredFiledBefore?: Date;
  /** Only complaints still open (not closed) filed before this time. */
  unresolvedFiledBefore?: Date;
  limit: number;
}

/** One row of the board's counts. */
export interface ComplaintCount {
  key: string | null;
  total: number;
  open: number;
  escalated: number;
}

/** The complaints and their events: SQL for the desk, the individual and the board. */
@Injectable()
export class ComplaintStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: TransactionalContext, complaint: ComplaintEntity): Promise<void> {
    await tx.transaction.insert(ComplaintEntity, complaint);
  }

  async insertEvent(tx: TransactionalContext, event: ComplaintEventEntity): Promise<void> {
    await tx.transaction.insert(ComplaintEventEntity, event);
  }

  /** The complaint, locked until the transaction ends, so steps on one complaint take turns. */
  lock(tx: TransactionalContext, id: string): Promise<ComplaintEntity | null> {
    return tx.transaction.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(tx: TransactionalContext, id: string, changes: Partial<ComplaintEntity>): Promise<void> {
    await tx.transaction.update(ComplaintEntity, { id }, changes);
  }

  find(ctx: RequestContext, id: string): Promise<ComplaintEntity | null> {
    return this.manager(ctx).findOne(ComplaintEntity, { where: { id } });
  }

  /** The individual's complaints, newest first. */
  listOf(ctx: RequestContext, individualId: string, take: number): Promise<ComplaintEntity[]> {
    return this.manager(ctx).find(ComplaintEntity, { where: { individualId }, order: { filedAt: 'DESC', id: 'DESC' }, take });
  }

  /** The complaint's events in order. */
  eventsOf(ctx: RequestContext, complaintId: string): Promise<ComplaintEventEntity[]> {
    return this.manager(ctx).find(ComplaintEventEntity, { where: { complaintId }, order: { sequence: 'ASC' } });
  }

  /** The desk's queue: oldest first, narrowed by the filter. */
  queue(ctx: RequestContext, filter: ComplaintQueueFilter): Promise<ComplaintEntity[]> {
    const query = this.manager(ctx).createQueryBuilder(ComplaintEntity, 'c');
    if (filter.status !== undefined) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.category !== undefined) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.escalated === true) query.andWhere('c.escalated_at IS NOT NULL');
    if (filter.escalated === false) query.andWhere('c.escalated_at IS NULL');
    if (filter.unansweredFiledBefore !== undefined) {
      query.andWhere(`c.first_answered_at IS NULL AND c.status <> 'closed' AND c.filed_at < :unanswered`, {
        unanswered: filter.unansweredFiledBefore,
      });
    }
    if (filter.unresolvedFiledBefore !== undefined) {
      query.andWhere(`c.closed_at IS NULL AND c.filed_at < :unresolved`, { unresolved: filter.unresolvedFiledBefore });
    }
    return query.orderBy('c.filed_at', 'ASC').addOrderBy('c.id', 'ASC').take(filter.limit).getMany();
  }

  /** Counts of every complaint by category: total, not yet closed, escalated. No individual is named. */
  countByCategory(ctx: RequestContext): Promise<ComplaintCount[]> {
    return this.counts(ctx, 'category');
  }

  /** Counts of the complaints about each recipient (null: about no recipient). No individual is named. */
  countByRecipient(ctx: RequestContext): Promise<ComplaintCount[]> {
    return this.counts(ctx, 'related_recipient_id');
  }

  private async counts(ctx: RequestContext, column: 'category' | 'related_recipient_id'): Promise<ComplaintCount[]> {
    const rows: { key: string | null; total: number; open: number; escalated: number }[] = await this.manager(ctx).query(
      `SELECT "${column}"::text AS "key",
              count(*)::int AS "total",
              count(*) FILTER (WHERE "status" <> 'closed')::int AS "open",
              count(*) FILTER (WHERE "escalated_at" IS NOT NULL)::int AS "escalated"
         FROM "complaints" GROUP BY "${column}" ORDER BY "total" DESC, "key" NULLS LAST`,
    );
    return rows;
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
