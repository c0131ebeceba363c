import { Injectable } from '@nestjs/common';
import type { PendingAccountCheck } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { ProvisionHistoryQuery } from '../domain/provision-history-query';
import type { LocalisedName, ProvisionBenefit } from './provision-record.entity';

/** One row of an individual's provision history page. */
export interface ProvisionRow {
  id: string;
  recipient_id: string;
  recipient_name: LocalisedName;
  offer_id: string;
  purpose_code: string;
  purpose_text: LocalisedName;
  items: string[];
  records: number;
  /** ISO 8601 UTC with microseconds (the cursor's precision); the API writes its first three fraction digits. */
  provided_at: string;
  consent_id: string;
  consent_version: number;
  benefit: ProvisionBenefit;
  /** ISO 8601 UTC, as the API writes it. */
  data_life_ends_at: string;
}

/** The individual's provision history as pages of provision records (read in the context's transaction, or on their own). */
@Injectable()
export class ProvisionHistoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One more row than the page (to know whether another follows), in one statement; empty when the cursor names no
   * provision of this individual. The ORDER BY and every condition match ix_provision_records_individual_time
   * (individual_id, provided_at, id), so each page is a backward scan of that index (in each month's partition, merged
   * in order) from the cursor on, never a sort. With `accountCheck`, the statement also carries the guard's account
   * check (a one-time filter PostgreSQL evaluates first): any row it returns confirms the check.
   */
  async pageOf(
    ctx: RequestContext,
    individualId: string,
    query: ProvisionHistoryQuery,
    accountCheck?: PendingAccountCheck,
  ): Promise<ProvisionRow[]> {
    const manager = ctx.transaction ?? this.dataSource.manager;
    const { sql, parameters } = pageStatement(individualId, query, accountCheck);
    const rows: ProvisionRow[] = await manager.query(sql, parameters);
    if (rows.length > 0) accountCheck?.confirm();
    return rows;
  }
}

/** An instant as ISO 8601 UTC (milliseconds, or microseconds), formatted by PostgreSQL rather than parsed and re-formatted per row. */
const isoInstant = (expression: string, fraction: 'MS' | 'US' = 'MS') =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${fraction}"Z"')`;

/** The page's statement and parameters (exported for the int-spec's EXPLAIN). */
export function pageStatement(
  individualId: string,
  query: ProvisionHistoryQuery,
  accountCheck?: PendingAccountCheck,
): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [individualId];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = [`"individual_id" = $1::uuid`];
  // IS NOT DISTINCT FROM (the columns are NOT NULL, so it means "=") is not an index operator: the planner
  // cannot switch to the recipient's index, whose history is unbounded, and keeps to this individual's rows.
  if (query.recipientId !== null) conditions.push(`"recipient_id" IS NOT DISTINCT FROM ${bind(query.recipientId)}::uuid`);
  if (query.offerId !== null) conditions.push(`"offer_id" IS NOT DISTINCT FROM ${bind(query.offerId)}::uuid`);
  if (query.from !== null) conditions.push(`"provided_at" >= ${bind(query.from)}::timestamptz`);
  if (query.to !== null) conditions.push(`"provided_at" < ${bind(query.to)}::timestamptz`);
  if (query.afterProvision !== null && query.afterProvidedAt !== null) {
    // The cursor carried the position: the raw index scan's shape, and PostgreSQL prunes the newer months as it plans.
    const providedAt = bind(query.afterProvidedAt);
    conditions.push(`("provided_at", "id") < (${providedAt}::timestamptz, ${bind(query.afterProvision)}::uuid)`);
    conditions.push(`"provided_at" <= ${providedAt}::timestamptz`);
  } else if (query.afterProvision !== null) {
    const cursor = bind(query.afterProvision);
    // An id-only cursor (issued before cursors carried the time): its position, read in the same statement (an InitPlan
    // run once, probing every month's partition): NULL when the provision is not this individual's, and then no row
    // compares below it. The plain bound lets PostgreSQL skip the newer months' partitions.
    const position = `(SELECT c."provided_at" FROM "provision_records" c WHERE c."id" = ${cursor}::uuid AND c."individual_id" = $1::uuid)`;
    conditions.push(`("provided_at", "id") < (${position}, ${cursor}::uuid)`);
    conditions.push(`"provided_at" <= ${position}`);
  }
  // Uncorrelated: a one-time filter above the scans, so a refused account reads no provision.
  if (accountCheck !== undefined) conditions.push(accountCheck.condition(bind));
  const sql = `SELECT "id", "recipient_id", "recipient_name", "offer_id", "purpose_code", "purpose_text", "items",
            cardinality("record_digests") AS "records", ${isoInstant('"provided_at"', 'US')} AS "provided_at", "consent_id",
            "consent_version", "benefit", ${isoInstant('"provided_at" + make_interval(days => "data_life_days")')} AS "data_life_ends_at"
       FROM "provision_records" p
      WHERE ${conditions.join(' AND ')}
      ORDER BY p."provided_at" DESC, p."id" DESC
      LIMIT ${bind(query.limit + 1)}`;
  // Qualified: unqualified, ORDER BY "provided_at" would name the formatted output column and sort text.
  return { sql, parameters };
}
