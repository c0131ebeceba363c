import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProvisionAuditFilter, ProvisionAuditQuery, ProvisionSummaryQuery } from '../domain/audit-query';

/** One provision row as the board's audit reads it: pseudonymous subject only, never the individual's id. */
export interface ProvisionAuditRow {
  id: string;
  subject_id: string;
  recipient_id: string;
  recipient_name: { ja: string; en?: string };
  offer_id: string;
  purpose_code: string;
  items: string[];
  records: number;
  consent_id: string;
  consent_version: number;
  transfer_id: string;
  part: number;
  provided_at: Date;
  leaf_index: string | null;
}

/** One cell of the provision summary. */
export interface ProvisionSummaryRow {
  recipient_id: string;
  purpose_code: string;
  category_code: string;
  bucket_start: Date;
  provisions: number;
  subjects: number;
  records: number;
}

/** Numbered parameters for one statement. */
class Parameters {
  readonly values: unknown[] = [];

  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE conditions of a provision filter over `provision_records` aliased `p`. */
function filterConditions(filter: ProvisionAuditFilter, parameters: Parameters): string[] {
  const conditions: string[] = [];
  if (filter.recipientId !== null) conditions.push(`p."recipient_id" = ${parameters.bind(filter.recipientId)}::uuid`);
  if (filter.offerId !== null) conditions.push(`p."offer_id" = ${parameters.bind(filter.offerId)}::uuid`);
  if (filter.purposeCode !== null) conditions.push(`p."purpose_code" = ${parameters.bind(filter.purposeCode)}`);
  if (filter.categoryCode !== null) {
    conditions.push(
      `EXISTS (SELECT 1 FROM unnest(p."items") AS i(item) WHERE split_part(i.item, '#', 1) = ${parameters.bind(filter.categoryCode)})`,
    );
  }
  const time = timeOrder(filter);
  if (filter.from !== null) conditions.push(`${time.column} >= ${parameters.bind(filter.from)}::${time.type}`);
  if (filter.to !== null) conditions.push(`${time.column} < ${parameters.bind(filter.to)}::${time.type}`);
  return conditions;
}

/**
 * How statements bound and order by time. For one recipient, the plain column, which its index
 * (recipient_id, provided_at) serves. Across recipients, the UTC wall-clock expression that
 * ix_provision_records_time_utc indexes: an expression, so that the individual's history (ordered by the
 * plain column) keeps to its own index. Both orders are the same, and bounds are UTC instants either way.
 */
function timeOrder(filter: ProvisionAuditFilter): { column: string; type: 'timestamptz' | 'timestamp' } {
  return filter.recipientId !== null
    ? { column: `p."provided_at"`, type: 'timestamptz' }
    : { column: `(p."provided_at" AT TIME ZONE 'UTC')`, type: 'timestamp' };
}

const where = (conditions: string[]) => (conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`);

/**
 * Read-only SQL of the board's provision audit over `provision_records` and the log leaves. Selects the
 * pseudonymous `subject_id`, never `individual_id`, and no record content (the table holds none: only keyed digests).
 */
@Injectable()
export class ProvisionAuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /**
   * One more row than the page, newest first, after the cursor's provision; null when the cursor names no
   * provision. Ordered by (provided_at, id) so that pages never skip or repeat a row (see timeOrder for the index).
   */
  async page(ctx: RequestContext, query: ProvisionAuditQuery): Promise<ProvisionAuditRow[] | null> {
    const { sql, parameters } = await this.pageStatement(ctx, query);
    return sql === null ? null : this.manager(ctx).query(sql, parameters);
  }

  /** The page's statement (exported for EXPLAIN in tests); sql null when the cursor names no provision. */
  async pageStatement(ctx: RequestContext, query: ProvisionAuditQuery): Promise<{ sql: string | null; parameters: unknown[] }> {
    const parameters = new Parameters();
    const conditions = filterConditions(query, parameters);
    if (query.afterProvision !== null) {
      const [position]: { provided_at: string }[] = await this.manager(ctx).query(
        `SELECT to_char("provided_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "provided_at" FROM "provision_records" WHERE "id" = $1::uuid`,
        [query.afterProvision],
      );
      if (position === undefined) return { sql: null, parameters: [] };
      const time = timeOrder(query);
      conditions.push(
        `(${time.column}, p."id") < (${parameters.bind(position.provided_at)}::${time.type}, ${parameters.bind(query.afterProvision)}::uuid)`,
      );
    }
    const sql = `SELECT p."id", p."subject_id", p."recipient_id", p."recipient_name", p."offer_id", p."purpose_code", p."items",
              cardinality(p."record_digests") AS "records", p."consent_id", p."consent_version", p."transfer_id", p."part",
              p."provided_at", l."leaf_index"
         FROM "provision_records" p
         LEFT JOIN "transparency_log_leaves" l ON l."id" = p."leaf_id"
        ${where(conditions)}
        ORDER BY ${timeOrder(query).column} DESC, p."id" DESC
        LIMIT ${parameters.bind(query.limit + 1)}`;
    return { sql, parameters: parameters.values };
  }

  /**
   * Provisions, distinct subjects and records per recipient × purpose × category × time bucket (UTC). A provision
   * with items of two categories counts in both categories' cells, with all its records.
   */
  summary(ctx: RequestContext, query: ProvisionSummaryQuery): Promise<ProvisionSummaryRow[]> {
    const parameters = new Parameters();
    const conditions = filterConditions(query, parameters);
    // With a category filter, a provision that also carries other categories counts only in the asked one.
    if (query.categoryCode !== null) conditions.push(`c."category_code" = ${parameters.bind(query.categoryCode)}`);
    const bucket = parameters.bind(query.bucket);
    return this.manager(ctx).query(
      `SELECT p."recipient_id", p."purpose_code", c."category_code",
              date_trunc(${bucket}, p."provided_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS "bucket_start",
              count(*)::int AS "provisions",
              count(DISTINCT p."individual_id")::int AS "subjects",
              sum(cardinality(p."record_digests"))::int AS "records"
         FROM "provision_records" p
        CROSS JOIN LATERAL (SELECT DISTINCT split_part(i.item, '#', 1) AS "category_code" FROM unnest(p."items") AS i(item)) c
        ${where(conditions)}
        GROUP BY 1, 2, 3, 4
        ORDER BY 4, 1, 2, 3`,
      parameters.values,
    );
  }
}
