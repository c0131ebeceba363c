import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { ProvisionRecordsQueries } from '../infrastructure/provision-records.queries';
import { PROVISION_READERS_ONLY } from './provision-reads';
import { requireBankActor } from '@infobank/platform';

/** A record as a package holds it: the bank's id and the version packaged. */
export interface PackagedRecordRef {
  id: string;
  version: number;
}

/** How a packaged record differs from the vault now: erased, or superseded by a newer version. */
export type RecordChange = 'erased' | 'superseded';

/** Record ids per statement (a part of 1,000 subjects can hold many records each). */
const IDS_PER_QUERY = 10_000;

/**
 * Delivery's last look at the vault (bank's side only): which of these records no longer exist at the
 * version packaged (erased, or superseded by a newer deposit). Reads in the caller's transaction, so it
 * sees every erasure or deposit committed before the delivery; takes no lock of its own. Returns the
 * records that changed, by id (empty when every record is as packaged).
 */
@Injectable()
export class FindChangedRecordsUseCase {
  constructor(private readonly queries: ProvisionRecordsQueries) {}

  async execute(ctx: RequestContext, command: { records: readonly PackagedRecordRef[] }): Promise<Map<string, RecordChange>> {
    requireBankActor(ctx, PROVISION_READERS_ONLY);
    const changed = new Map<string, RecordChange>();
    if (command.records.length === 0) return changed;
    const ids = [...new Set(command.records.map((record) => record.id))];
    const current = new Map<string, number>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await this.queries.currentVersions(ctx, ids.slice(start, start + IDS_PER_QUERY));
      for (const row of rows) current.set(row.id, row.version);
    }
    for (const record of command.records) {
      const version = current.get(record.id);
      if (version === undefined) changed.set(record.id, 'erased');
      else if (version !== record.version) changed.set(record.id, 'superseded');
    }
    return changed;
  }
}
