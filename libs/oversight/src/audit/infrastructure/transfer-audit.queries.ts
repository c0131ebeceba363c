import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { TransferAuditQuery } from '../domain/audit-query';

/** One transfer with its subjects counted per outcome. */
export interface TransferAuditRow {
  id: string;
  recipient_id: string;
  offer_id: string;
  status: string;
  part_count: number;
  requested_at: Date;
  ready_at: Date | null;
  delivered_at: Date | null;
  /** Subject status → count (statuses with no subject left out). */
  outcomes: Record<string, number> | null;
}

/** Denied subjects of the matching transfers per reason. */
export interface DenialReasonRow {
  reason: string;
  subjects: number;
}

/** The window and recipient/status conditions over `transfers` aliased `t`. */
function conditionsOf(query: TransferAuditQuery, values: unknown[]): string[] {
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  if (query.recipientId !== null) conditions.push(`t."recipient_id" = ${bind(query.recipientId)}::uuid`);
  if (query.status !== null) conditions.push(`t."status" = ${bind(query.status)}`);
  if (query.from !== null) conditions.push(`t."requested_at" >= ${bind(query.from)}::timestamptz`);
  if (query.to !== null) conditions.push(`t."requested_at" < ${bind(query.to)}::timestamptz`);
  return conditions;
}

const where = (conditions: string[]) => (conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`);

/** Read-only SQL of the board's transfer audit over `transfers` and `transfer_subjects` (no individual ids selected). */
@Injectable()
export class TransferAuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** One more row than the page, newest first, after the cursor's transfer; null when the cursor names no transfer. */
  async page(ctx: RequestContext, query: TransferAuditQuery): Promise<TransferAuditRow[] | null> {
    const values: unknown[] = [];
    const conditions = conditionsOf(query, values);
    if (query.afterTransfer !== null) {
      const [position]: { requested_at: string }[] = await this.manager(ctx).query(
        `SELECT to_char("requested_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "requested_at" FROM "transfers" WHERE "id" = $1::uuid`,
        [query.afterTransfer],
      );
      if (position === undefined) return null;
      values.push(position.requested_at, query.afterTransfer);
      conditions.push(`(t."requested_at", t."id") < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(query.limit + 1);
    return this.manager(ctx).query(
      `SELECT t."id", t."recipient_id", t."offer_id", t."status", t."part_count", t."requested_at", t."ready_at", t."delivered_at",
              (SELECT jsonb_object_agg(s."status", s."subjects")
                 FROM (SELECT "status", count(*)::int AS "subjects" FROM "transfer_subjects"
                        WHERE "transfer_id" = t."id" GROUP BY "status") s) AS "outcomes"
         FROM "transfers" t
        ${where(conditions)}
        ORDER BY t."requested_at" DESC, t."id" DESC
        LIMIT $${values.length}`,
      values,
    );
  }

  /** Denied subjects per reason over every transfer the filter matches (not only the page), most frequent first. */
  denialReasons(ctx: RequestContext, query: TransferAuditQuery): Promise<DenialReasonRow[]> {
    const values: unknown[] = [];
    const conditions = conditionsOf(query, values);
    return this.manager(ctx).query(
      `SELECT s."reason", count(*)::int AS "subjects"
         FROM "transfers" t
         JOIN "transfer_subjects" s ON s."transfer_id" = t."id"
        ${where([...conditions, `s."status" = 'denied'`])}
        GROUP BY s."reason"
        ORDER BY 2 DESC, 1`,
      values,
    );
  }
}
