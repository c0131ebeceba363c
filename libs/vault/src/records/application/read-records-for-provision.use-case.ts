import { Injectable } from '@nestjs/common';
import { BatchEnvelopeEncryption } from '@infobank/crypto';
import { type RequestContext, requireBankActor } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAad } from '../domain/record-aad';
import { assertProvisionReadSize, PROVISION_READERS_ONLY, inRangeCondition, type ObservationRange } from './provision-reads';

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

interface ProvisionRecordRow {
  id: string;
  individual_id: string;
  provider_id: string;
  category: string;
  observed_at: Date;
  version: number;
  received_at: Date;
  ciphertext: Buffer;
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
    private readonly dataSource: DataSource,
    private readonly envelope: BatchEnvelopeEncryption<EntityManager>,
  ) {}

  async execute(ctx: RequestContext, command: ReadRecordsForProvisionCommand): Promise<Map<string, ProvisionSourceRecord[]>> {
    const { individualIds, categories, range } = command;
    requireBankActor(ctx, PROVISION_READERS_ONLY);
    assertProvisionReadSize(individualIds);
    const records = new Map<string, ProvisionSourceRecord[]>();
    if (individualIds.length === 0 || categories.length === 0) return records;
    const manager = ctx.transaction ?? this.dataSource.manager;
    const rows: ProvisionRecordRow[] = await manager.query(
      `SELECT "id", "individual_id", "provider_id", "category", "observed_at", "version", "received_at", "ciphertext"
         FROM "vault_records"
        WHERE "individual_id" = ANY($1::uuid[]) AND "category" = ANY($2::text[]) AND ${inRangeCondition(3, 4)}
        ORDER BY "individual_id", "observed_at", "id"`,
      [individualIds, categories, range.from, range.to],
    );
    if (rows.length === 0) return records;
    const keys = await this.envelope.openForReading(new Set(rows.map((row) => row.individual_id)), ctx.transaction);
    try {
      for (const row of rows) {
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
