import { Injectable } from '@nestjs/common';
import { BatchEnvelopeEncryption } from '@infobank/crypto';
import { type RequestContext, requireIndividual, ValidationFailedError } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { recordAad } from '../domain/record-aad';
import { encodeRecordCursor } from '../domain/record-cursor';
import { CURSOR_NOT_FOUND, IndividualRecordsQueries, type StoredRecordRow } from '../infrastructure/individual-records.queries';
import { parseRecordQuery, type RecordQueryInput } from './record-query';

/** Where a record came from: which provider's signed batch, signed with which key, received when. */
export interface RecordProvenance {
  providerId: string;
  batchId: string;
  /** SHA-256 of the signed batch (compact JWS) as received, base64url: the provider's issuer proof. */
  batchDigest: string;
  /** kid of the provider's registered key that signed the batch. */
  signingKid: string;
  /** When this version of the record arrived. */
  receivedAt: string;
}

/** One of the individual's records, decrypted. */
export interface OwnRecord {
  /** The bank's id of the record. */
  id: string;
  /** The provider's own id of the record. */
  recordId: string;
  providerId: string;
  category: string;
  observedAt: string;
  /** 1 for the first deposit, +1 for each newer version the provider sent. */
  version: number;
  data: unknown;
  firstReceivedAt: string;
  provenance: RecordProvenance;
}

/** A page of records and the cursor of the next one (null at the end). */
export interface OwnRecordsPage {
  records: OwnRecord[];
  nextCursor: string | null;
}

/**
 * The signed-in individual's own records, decrypted, newest observation first, optionally of one
 * provider and/or category. Every query is bound to the caller's id: another individual's provider,
 * category or cursor simply finds nothing of theirs.
 */
@Injectable()
export class ListMyRecordsUseCase {
  constructor(
    private readonly queries: IndividualRecordsQueries,
    private readonly envelope: BatchEnvelopeEncryption,
  ) {}

  async execute(ctx: RequestContext, query: RecordQueryInput): Promise<OwnRecordsPage> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    const { filter, cursor, limit } = parseRecordQuery(query);
    const rows = await this.queries.page(individualId, filter, cursor, limit + 1);
    if (rows === CURSOR_NOT_FOUND) {
      throw new ValidationFailedError([{ path: '/cursor', message: 'names a record you no longer hold; start again without a cursor' }]);
    }
    const page = rows.slice(0, limit);
    const keys = await this.envelope.openForReading(ctx, page.length === 0 ? [] : [individualId]);
    try {
      // No data key while the account is being closed (it is shredded first): nothing of theirs is readable any more.
      if (!keys.has(individualId)) return { records: [], nextCursor: null };
      const records = page.map((row) =>
        ownRecord(row, keys.open(individualId, row.ciphertext, recordAad(row.id, row.version, individualId))),
      );
      const nextCursor = rows.length > limit ? encodeRecordCursor({ afterRecord: page[page.length - 1].id }) : null;
      return { records, nextCursor };
    } finally {
      keys.close();
    }
  }
}

function ownRecord(row: StoredRecordRow, plaintext: Buffer): OwnRecord {
  return {
    id: row.id,
    recordId: row.recordId,
    providerId: row.providerId,
    category: row.category,
    observedAt: row.observedAt.toISOString(),
    version: row.version,
    data: JSON.parse(plaintext.toString('utf8')) as unknown,
    firstReceivedAt: row.firstReceivedAt.toISOString(),
    provenance: {
      providerId: row.providerId,
      batchId: row.batchId,
      batchDigest: row.jwsDigest.toString('base64url'),
      signingKid: row.signingKid,
      receivedAt: row.receivedAt.toISOString(),
    },
  };
}
