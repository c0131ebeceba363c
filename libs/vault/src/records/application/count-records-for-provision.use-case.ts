import { Injectable } from '@nestjs/common';
import { type RequestContext, requireBankActor } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { assertProvisionReadSize, PROVISION_READERS_ONLY, inRangeCondition, type ObservationRange } from './provision-reads';

/** Per individual, per category: how many records the bank holds and how many of them were observed inside the range. */
export type RecordCounts = Map<string, Map<string, { total: number; inRange: number }>>;

/** What the transfer builder counts: these individuals' records of these categories, against one observation range. */
export interface CountRecordsForProvisionCommand {
  individualIds: string[];
  categories: string[];
  range: ObservationRange;
}

/**
 * Counts deposited records of many individuals at once for a transfer (bank's side only), in one
 * statement. Individuals with no records of these categories are absent from the result; nothing is
 * decrypted.
 */
@Injectable()
export class CountRecordsForProvisionUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: CountRecordsForProvisionCommand): Promise<RecordCounts> {
    const { individualIds, categories, range } = command;
    requireBankActor(ctx, PROVISION_READERS_ONLY);
    assertProvisionReadSize(individualIds);
    const counts: RecordCounts = new Map();
    if (individualIds.length === 0 || categories.length === 0) return counts;
    const rows: { individual_id: string; category: string; total: number; in_range: number }[] = await (
      ctx.transaction ?? this.dataSource.manager
    ).query(
      `SELECT "individual_id", "category", count(*)::int AS "total",
              (count(*) FILTER (WHERE ${inRangeCondition(3, 4)}))::int AS "in_range"
         FROM "vault_records"
        WHERE "individual_id" = ANY($1::uuid[]) AND "category" = ANY($2::text[])
        GROUP BY "individual_id", "category"`,
      [individualIds, categories, range.from, range.to],
    );
    for (const row of rows) {
      let ofIndividual = counts.get(row.individual_id);
      if (ofIndividual === undefined) counts.set(row.individual_id, (ofIndividual = new Map()));
      ofIndividual.set(row.category, { total: row.total, inRange: row.in_range });
    }
    return counts;
  }
}
