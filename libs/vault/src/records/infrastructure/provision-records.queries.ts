import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';

/** Per individual and category: how many records, and how many observed inside the range. */
export interface RecordCountRow {
  individual_id: string;
  category: string;
  total: number;
  in_range: number;
}

/** One record a provision reads, still encrypted. */
export interface ProvisionRecordRow {
  id: string;
  individual_id: string;
  provider_id: string;
  category: string;
  observed_at: Date;
  version: number;
  received_at: Date;
  ciphertext: Buffer;
}

/** The observation times asked for: `from` inclusive, `to` exclusive; null leaves that side open. */
interface Range {
  from: Date | null;
  to: Date | null;
}

/**
 * The transfer builder's and delivery's reads of vault_records for many individuals at once, each one
 * statement, in the context's transaction when it has one.
 */
@Injectable()
export class ProvisionRecordsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts per individual and category, in total and inside the range. */
  counts(ctx: RequestContext, individualIds: readonly string[], categories: readonly string[], range: Range): Promise<RecordCountRow[]> {
    return this.manager(ctx).query(
      `SELECT "individual_id", "category", count(*)::int AS "total",
              (count(*) FILTER (WHERE ${inRangeCondition(3, 4)}))::int AS "in_range"
         FROM "vault_records"
        WHERE "individual_id" = ANY($1::uuid[]) AND "category" = ANY($2::text[])
        GROUP BY "individual_id", "category"`,
      [individualIds, categories, range.from, range.to],
    );
  }

  /** The records observed inside the range, per individual, oldest observation first (ties by id). */
  inRange(
    ctx: RequestContext,
    individualIds: readonly string[],
    categories: readonly string[],
    range: Range,
  ): Promise<ProvisionRecordRow[]> {
    return this.manager(ctx).query(
      `SELECT "id", "individual_id", "provider_id", "category", "observed_at", "version", "received_at", "ciphertext"
         FROM "vault_records"
        WHERE "individual_id" = ANY($1::uuid[]) AND "category" = ANY($2::text[]) AND ${inRangeCondition(3, 4)}
        ORDER BY "individual_id", "observed_at", "id"`,
      [individualIds, categories, range.from, range.to],
    );
  }

  /** The current version of each of these records that still exists. */
  currentVersions(ctx: RequestContext, ids: readonly string[]): Promise<{ id: string; version: number }[]> {
    return this.manager(ctx).query(`SELECT "id", "version" FROM "vault_records" WHERE "id" = ANY($1::uuid[])`, [ids]);
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}

/**
 * The SQL condition "observed_at is inside the range", with the range's ends as parameters `$from`
 * and `$to` (positional numbers given by the caller). A null end binds as NULL and leaves that side open.
 */
export function inRangeCondition(fromParameter: number, toParameter: number, column = '"observed_at"'): string {
  return (
    `($${fromParameter}::timestamptz IS NULL OR ${column} >= $${fromParameter}::timestamptz)` +
    ` AND ($${toParameter}::timestamptz IS NULL OR ${column} < $${toParameter}::timestamptz)`
  );
}
