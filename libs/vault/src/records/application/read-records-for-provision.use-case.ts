import { Injectable } from '@nestjs/common';
import { BatchEnvelopeEncryption } from '@infobank/crypto';
import type { RequestContext } from '@infobank/platform';
import { recordAad } from '../domain/record-aad';
import { ProvisionRecordsQueries } from '../infrastructure/provision-records.queries';
import { type ObservationRange, assertProvisionReadSize, PROVISION_READERS_ONLY } from './provision-reads';
import { requireBankActor, yieldToEventLoop } from '@infobank/platform';

/** Records decrypted between two yields to the event loop (other transactions' replies in the same process run meanwhile). */
const RECORDS_PER_SLICE = 500;

/** One deposited record, decrypted, as the transfer builder puts it into a package. */
export interface ProvisionSourceRecord {
  /** The bank's id of the record. */
  id: string;
  providerId: string;
  category: string;
  observedAt: Date;
  /** 1 for the first deposit, +1 for each newer version the provider sent. */
  version: number;
  /** When this version arrived. */
  receivedAt: Date;
  /** The record's content (the provider's JSON), decrypted. */
  data: unknown;
}

/** What the transfer builder reads: these individuals' records of these categories observed inside the range. */
export interface ReadRecordsForProvisionCommand {
  individualIds: string[];
  categories: string[];
  range: ObservationRange;
}

/**
 * Reads and decrypts the records of many individuals at once for a transfer (bank's side only): one
 * SELECT, one read of their data keys. Records come per individual, oldest observation first (ties by
 * id). An individual with no readable records, including one whose data key has been shredded
 * (account being closed), is absent from the result.
 */
@Injectable()
export class ReadRecordsForProvisionUseCase {
  constructor(
    private readonly queries: ProvisionRecordsQueries,
    private readonly envelope: BatchEnvelopeEncryption,
  ) {}

  async execute(ctx: RequestContext, command: ReadRecordsForProvisionCommand): Promise<Map<string, ProvisionSourceRecord[]>> {
    const { individualIds, categories, range } = command;
    requireBankActor(ctx, PROVISION_READERS_ONLY);
    assertProvisionReadSize(individualIds);
    const records = new Map<string, ProvisionSourceRecord[]>();
    if (individualIds.length === 0 || categories.length === 0) return records;
    const rows = await this.queries.inRange(ctx, individualIds, categories, range);
    if (rows.length === 0) return records;
    const keys = await this.envelope.openForReading(ctx, new Set(rows.map((row) => row.individual_id)));
    try {
      for (const [index, row] of rows.entries()) {
        if (index > 0 && index % RECORDS_PER_SLICE === 0) await yieldToEventLoop();
        // No data key while the account is being closed (it is shredded first): nothing of theirs is readable any more.
        if (!keys.has(row.individual_id)) continue;
        const plaintext = keys.open(row.individual_id, row.ciphertext, recordAad(row.id, row.version, row.individual_id));
        let ofIndividual = records.get(row.individual_id);
        if (ofIndividual === undefined) records.set(row.individual_id, (ofIndividual = []));
        ofIndividual.push({
          id: row.id,
          providerId: row.provider_id,
          category: row.category,
          observedAt: row.observed_at,
          version: row.version,
          receivedAt: row.received_at,
          data: JSON.parse(plaintext.toString('utf8')) as unknown,
        });
      }
    } finally {
      keys.close();
    }
    return records;
  }
}
