import { Injectable } from '@nestjs/common';
import { BatchEnvelopeEncryption } from '@infobank/crypto';
import { type RequestContext, requireIndividual } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { recordAad } from '../domain/record-aad';
import { IndividualRecordsQueries, type StoredRecordVersionRow } from '../infrastructure/individual-records.queries';
import type { RecordProvenance } from './list-my-records.use-case';

/** Most records whose earlier versions one call reads (one page of ListMyRecordsUseCase). */
export const MAX_RECORDS_PER_VERSION_READ = 100;

/** An earlier version of one of the individual's records, decrypted, with the provenance it arrived with. */
export interface OwnRecordVersion {
  /** The bank's id of the record this version belongs to. */
  id: string;
  version: number;
  category: string;
  observedAt: string;
  data: unknown;
  provenance: RecordProvenance;
  /** When the next version replaced this one. */
  supersededAt: string;
}

/**
 * The superseded versions of some of the signed-in individual's own records (開示: every version a
 * provider sent), oldest first per record. Bound to the caller's id: another individual's record ids
 * find nothing.
 */
@Injectable()
export class ListMyRecordVersionsUseCase {
  constructor(
    private readonly queries: IndividualRecordsQueries,
    private readonly envelope: BatchEnvelopeEncryption,
  ) {}

  async execute(ctx: RequestContext, recordIds: readonly string[]): Promise<OwnRecordVersion[]> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    if (recordIds.length > MAX_RECORDS_PER_VERSION_READ) throw new RangeError(`At most ${MAX_RECORDS_PER_VERSION_READ} records at once`);
    const rows = recordIds.length === 0 ? [] : await this.queries.versionsOf(individualId, recordIds);
    if (rows.length === 0) return [];
    const keys = await this.envelope.openForReading(ctx, [individualId]);
    try {
      if (!keys.has(individualId)) return [];
      return rows.map((row) =>
        versionView(row, keys.open(individualId, row.ciphertext, recordAad(row.recordId, row.version, individualId))),
      );
    } finally {
      keys.close();
    }
  }
}

function versionView(row: StoredRecordVersionRow, plaintext: Buffer): OwnRecordVersion {
  return {
    id: row.recordId,
    version: row.version,
    category: row.category,
    observedAt: row.observedAt.toISOString(),
    data: JSON.parse(plaintext.toString('utf8')) as unknown,
    provenance: {
      providerId: row.providerId,
      batchId: row.batchId,
      batchDigest: row.jwsDigest.toString('base64url'),
      signingKid: row.signingKid,
      receivedAt: row.receivedAt.toISOString(),
    },
    supersededAt: row.supersededAt.toISOString(),
  };
}
