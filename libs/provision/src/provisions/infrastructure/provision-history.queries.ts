import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
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
  provided_at: Date;
  consent_id: string;
  consent_version: number;
  benefit: ProvisionBenefit;
  data_life_ends_at: Date;
}

/** The individual's provision history as pages of provision records (read in the context's transaction, or on their own). */
@Injectable()
export class ProvisionHistoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One more row than the page (to know whether another follows); null when the cursor names no
   * provision of this individual. The ORDER BY and every condition match ix_provision_records_individual_time
   * (individual_id, provided_at, id), so each page is a backward scan of that index from the cursor on, never a sort.
   */
  async pageOf(ctx: RequestContext, individualId: string, query: ProvisionHistoryQuery): Promise<ProvisionRow[] | null> {
    const manager = ctx.transaction ?? this.dataSource.manager;
    const { sql, parameters } = await pageStatement(manager, individualId, query);
    if (sql === null) return null;
    return manager.query(sql, parameters);
  }
}

/** The page's statement and parameters (exported for the int-spec's EXPLAIN); sql null when the cursor is not theirs. */
export async function pageStatement(
  manager: EntityManager,
  individualId: string,
  query: ProvisionHistoryQuery,
): Promise<{ sql: string | null; parameters: unknown[] }> {
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
  if (query.afterProvision !== null) {
    const [position]: { provided_at: string }[] = await manager.query(
      `SELECT to_char("provided_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "provided_at"
         FROM "provision_records" WHERE "id" = $1::uuid AND "individual_id" = $2::uuid`,
      [query.afterProvision, individualId],
    );
    if (position === undefined) return { sql: null, parameters };
    const after = bind(position.provided_at);
    conditions.push(`("provided_at", "id") < (${after}::timestamptz, ${bind(query.afterProvision)}::uuid)`);
    // Implied by the row comparison, but only a plain bound lets PostgreSQL skip the newer months' partitions.
    conditions.push(`"provided_at" <= ${after}::timestamptz`);
  }
  const sql = `SELECT "id", "recipient_id", "recipient_name", "offer_id", "purpose_code", "purpose_text", "items",
            cardinality("record_digests") AS "records", "provided_at", "consent_id", "consent_version", "benefit",
            "provided_at" + make_interval(days => "data_life_days") AS "data_life_ends_at"
       FROM "provision_records"
      WHERE ${conditions.join(' AND ')}
      ORDER BY "provided_at" DESC, "id" DESC
      LIMIT ${bind(query.limit + 1)}`;
  return { sql, parameters };
}
