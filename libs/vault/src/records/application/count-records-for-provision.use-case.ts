import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { ProvisionRecordsQueries } from '../infrastructure/provision-records.queries';
import { type ObservationRange, assertProvisionReadSize, PROVISION_READERS_ONLY } from './provision-reads';
import { requireBankActor } from '@infobank/platform';

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
  constructor(private readonly queries: ProvisionRecordsQueries) {}

  async execute(ctx: RequestContext, command: CountRecordsForProvisionCommand): Promise<RecordCounts> {
    const { individualIds, categories, range } = command;
    requireBankActor(ctx, PROVISION_READERS_ONLY);
    assertProvisionReadSize(individualIds);
    const counts: RecordCounts = new Map();
    if (individualIds.length === 0 || categories.length === 0) return counts;
    const rows = await this.queries.counts(ctx, individualIds, categories, range);
    for (const row of rows) {
      let ofIndividual = counts.get(row.individual_id);
      if (ofIndividual === undefined) counts.set(row.individual_id, (ofIndividual = new Map()));
      ofIndividual.set(row.category, { total: row.total, inRange: row.in_range });
    }
    return counts;
  }
}
