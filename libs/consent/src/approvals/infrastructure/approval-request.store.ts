import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovalStatus } from '../domain/approval-request';
import { ApprovalRequestEntity } from './approval-request.entity';

/** Ids per statement: the arrays stay bounded however many consents a cause ends. */
const CHUNK = 5_000;

/** The `approval_requests` rows: reads in the context's transaction when it has one, writes in the caller's. */
@Injectable()
export class ApprovalRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** One request, or null. */
  findById(ctx: RequestContext, id: string): Promise<ApprovalRequestEntity | null> {
    return this.manager(ctx).findOne(ApprovalRequestEntity, { where: { id } });
  }

  /** One request locked FOR UPDATE (only the individual's when `individualId` is given), or null. */
  findForUpdate(tx: TransactionalContext, id: string, individualId?: string): Promise<ApprovalRequestEntity | null> {
    return tx.transaction.findOne(ApprovalRequestEntity, {
      where: individualId === undefined ? { id } : { id, individualId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The request asked under a consent for one reference. */
  findByReference(tx: TransactionalContext, consentId: string, reference: string): Promise<ApprovalRequestEntity> {
    return tx.transaction.findOneByOrFail(ApprovalRequestEntity, { consentId, reference });
  }

  /** The individual's requests, newest first (only pending ones when asked). */
  listOfIndividual(ctx: RequestContext, individualId: string, pendingOnly: boolean, limit: number): Promise<ApprovalRequestEntity[]> {
    return this.manager(ctx).find(ApprovalRequestEntity, {
      where: { individualId, ...(pendingOnly ? { status: 'pending' as const } : {}) },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Inserts a request; false when one for the same consent and reference exists already. */
  async insertUnlessAsked(tx: TransactionalContext, row: ApprovalRequestEntity): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(ApprovalRequestEntity)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** Marks a request expired as of its timeout. */
  async markExpired(tx: TransactionalContext, row: Pick<ApprovalRequestEntity, 'id' | 'expiresAt'>): Promise<void> {
    await tx.transaction.update(ApprovalRequestEntity, { id: row.id }, { status: 'expired', decidedAt: row.expiresAt });
  }

  /** Records the individual's answer on a request still pending. */
  async markAnswered(tx: TransactionalContext, id: string, status: Exclude<ApprovalStatus, 'pending'>, decidedAt: Date): Promise<void> {
    await tx.transaction.update(ApprovalRequestEntity, { id, status: 'pending' }, { status, decidedAt });
  }

  /** Cancels the pending requests under these consents or offers (decided at `decidedAt`); returns the ids cancelled. */
  async cancelPending(
    tx: TransactionalContext,
    under: { consentIds: readonly string[]; offerIds: readonly string[] },
    decidedAt: Date,
  ): Promise<string[]> {
    const cancelled: string[] = [];
    for (const [column, ids] of [
      ['consent_id', under.consentIds],
      ['offer_id', under.offerIds],
    ] as const) {
      for (let start = 0; start < ids.length; start += CHUNK) {
        const rows: { id: string }[] = await tx.transaction.query(
          // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
          `WITH "cancelled" AS (
             UPDATE "approval_requests" SET "status" = 'cancelled', "decided_at" = $2
              WHERE "${column}" = ANY($1::uuid[]) AND "status" = 'pending'
              RETURNING "id"
           ) SELECT "id" FROM "cancelled"`,
          [ids.slice(start, start + CHUNK), decidedAt],
        );
        cancelled.push(...rows.map((row) => row.id));
      }
    }
    return cancelled;
  }
}
