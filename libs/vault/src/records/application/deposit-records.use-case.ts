import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { BatchEnvelopeEncryption, type OpenedDataKeys } from '@infobank/crypto';
import { DomainError, Transactions, type RequestContext, requireProvider } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { ONLY_AUTHENTICATED_PROVIDERS } from '../../links/application/link-actors';
import { LinkDirectory, type ActiveLink } from '../../links/application/link-directory';
import type { DepositResponse, RecordRejection } from '../domain/deposit-outcome';
import { MAX_RECORDS_PER_BATCH } from '../domain/deposit-payload';
import { recordAad } from '../domain/record-aad';
import { checkRecordLink, decideRejection } from '../domain/record-checks';
import { lockActiveLinks } from '../infrastructure/active-link-locks';
import { DepositBatchStore } from '../infrastructure/deposit-batch.store';
import { DepositPreparationPool } from '../infrastructure/deposit-preparation.pool';
import { VaultRecordStore, type BatchProvenance, type CurrentRecord, type RecordVersionRow } from '../infrastructure/vault-record.store';
import {
  BatchIdReusedError,
  DepositJwsInvalidError,
  DepositKeyUnknownError,
  DepositPayloadInvalidError,
  DepositSignatureInvalidError,
  DepositTooLargeError,
} from '../records.errors';
import type { DepositRefusal, PreparedRecord } from './deposit-preparation';
import { RecordContentDigest } from './record-content-digest';

/**
 * A provider's deposit: the compact JWS exactly as received (its bytes, or its text). Bytes are handed
 * over: a preparation thread may take their memory, so the caller must not read them afterwards.
 */
export interface DepositRecordsCommand {
  jws: string | Uint8Array;
}

/** The answer, and whether it is the stored answer to the same batch sent earlier. */
export interface DepositOutcome {
  response: DepositResponse;
  replayed: boolean;
}

/** A record that passed every check and is about to be stored. */
interface Candidate {
  index: number;
  record: PreparedRecord;
  individualId: string;
  observedAt: Date;
  plaintext: Buffer;
  contentDigest: Buffer;
}

/**
 * Deposits a provider's signed batch of records about its customers (預託). The batch is verified
 * as a whole (signature by a registered key); each record is then judged on its own: an active link
 * of this provider for the customer covering the category, a valid observation time, data valid
 * under the category's schema and no 個人番号. Good records are encrypted under their individual's
 * data key and stored in one transaction with one statement per table; bad ones are reported with
 * JSON pointers and never block the rest.
 *
 * Idempotent: a record sent again unchanged is a `duplicate`; with new content it is `superseded`
 * (the old version kept as history). The same batchId with the same payload returns the stored
 * answer; with another payload it is refused (BATCH_ID_REUSED) rather than silently ignored.
 */
@Injectable()
export class DepositRecordsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationDirectory,
    private readonly preparation: DepositPreparationPool,
    private readonly links: LinkDirectory,
    private readonly envelope: BatchEnvelopeEncryption,
    private readonly digest: RecordContentDigest,
    private readonly batches: DepositBatchStore,
    private readonly records: VaultRecordStore,
  ) {}

  async execute(ctx: RequestContext, command: DepositRecordsCommand): Promise<DepositOutcome> {
    const providerId = requireProvider(ctx, ONLY_AUTHENTICATED_PROVIDERS);
    const now = ctx.now();
    const credentials = await this.organisations.findCredentials(ctx, providerId);
    // Signature, parsing and every check that needs no database: on a worker thread, before the transaction.
    const preparation = await this.preparation.prepare({
      jws: command.jws,
      signingKeys: credentials?.signingKeys ?? [],
      nowMs: now.getTime(),
    });
    if ('refusal' in preparation) throw refusalError(preparation.refusal);
    const verified = preparation.prepared;
    const { batchId, results, plaintexts } = verified;
    const shaped = verified.records;
    const reject = (index: number, rejection: RecordRejection) => {
      results[index] = { recordId: results[index].recordId, status: 'rejected', code: rejection.code, errors: rejection.errors };
    };

    // The provider's active links for these customers, read once before the transaction; inside it,
    // the provider's links lock is held shared (ends of links wait) and any removed meanwhile no longer counts.
    const customerRefs = [...new Set(shaped.map((record) => record.customerRef))];
    const found = await this.links.findActiveLinks(ctx, providerId, customerRefs);
    if (ctx.transaction === undefined) await this.createMissingDataKeys(ctx, providerId, shaped, found);
    return this.transactions.run(ctx, async (tx) => {
      const depositBatchId = randomUUID();
      const claimed = await this.batches.claim(tx, {
        id: depositBatchId,
        providerId,
        batchId,
        jwsDigest: verified.jwsDigest,
        payloadDigest: verified.payloadDigest,
        signingKid: verified.kid,
        recordCount: verified.recordCount,
        receivedAt: now,
      });
      if (!claimed) {
        const earlier = await this.batches.findAnswered(tx, providerId, batchId);
        if (earlier?.response == null || !earlier.payloadDigest.equals(verified.payloadDigest)) throw new BatchIdReusedError();
        return { response: earlier.response, replayed: true };
      }

      const stillActive = await lockActiveLinks(tx, providerId, [...new Set([...found.values()].map((link) => link.linkId))]);
      const candidates: Candidate[] = [];
      for (const record of shaped) {
        const { index, content } = record;
        const link = found.get(record.customerRef);
        const rejection = decideRejection(content, checkRecordLink(record, index, link && stillActive.has(link.linkId) ? link : undefined));
        if (rejection !== null) {
          reject(index, rejection);
          continue;
        }
        const individualId = (link as { individualId: string }).individualId;
        const observedAt = new Date(record.observedAtMs);
        const plaintext = plaintexts.subarray(record.plaintextStart, record.plaintextStart + record.plaintextLength);
        const { recordId, category } = record;
        candidates.push({
          index,
          record,
          individualId,
          observedAt,
          plaintext,
          contentDigest: this.digest.of({ providerId, recordId, individualId, category, observedAt, canonicalData: plaintext }),
        });
      }

      const provenance: BatchProvenance = {
        providerId,
        depositBatchId,
        jwsDigest: verified.jwsDigest,
        signingKid: verified.kid,
        receivedAt: now,
      };
      const keys = await this.envelope.openForWriting(
        tx,
        candidates.map((candidate) => candidate.individualId),
      );
      try {
        let pending = candidates;
        // Twice at most: a record another batch inserted between our lock and our insert is existing the second time.
        for (let round = 0; round < 2 && pending.length > 0; round += 1) {
          const current = await this.records.lockCurrent(
            tx,
            providerId,
            pending.map(({ record }) => record.recordId),
          );
          const fresh: RecordVersionRow[] = [];
          const replacing: RecordVersionRow[] = [];
          for (const candidate of pending) {
            const existing = current.get(candidate.record.recordId);
            const outcome = this.classify(candidate, existing);
            if (outcome === 'duplicate') results[candidate.index].status = 'duplicate';
            else if (outcome === 'owner_changed') {
              reject(candidate.index, {
                code: 'RECORD_OWNER_CHANGED',
                errors: [
                  { path: `/records/${candidate.index}/customerRef`, message: 'differs from the customer this recordId was deposited for' },
                ],
              });
            } else if (existing === undefined) fresh.push(this.seal(keys, candidate, randomUUID(), 1));
            else {
              replacing.push(this.seal(keys, candidate, existing.id, existing.version + 1));
              results[candidate.index].status = 'superseded';
            }
          }
          const raced = await this.records.insertNew(tx, fresh, provenance);
          await this.records.supersede(tx, replacing, provenance);
          pending = pending.filter(({ record }) => raced.has(record.recordId));
        }
        // Only if a record appeared and vanished again between our statements (erased meanwhile): never
        // answer "accepted" for a record that is not stored; the provider sends the batch again.
        if (pending.length > 0)
          throw new DomainError('CONFLICT', 'Records of this batch changed under another request; send the batch again.');
      } finally {
        keys.close();
      }

      const response: DepositResponse = { batchId, results };
      await this.batches.saveResponse(tx, depositBatchId, response);
      return { response, replayed: false };
    });
  }

  /**
   * Creates the data keys of individuals this batch will store records for and who have none yet, in
   * a short transaction of its own: inside the deposit's, a new key would make every other batch for
   * the same individual wait until this one commits. The provider's links lock is held shared first and
   * keys are made only under links still active, so a closure (which shreds the key and deletes the links)
   * either waits for this and shreds the key, or has already removed the links and gets no new key.
   */
  private async createMissingDataKeys(
    ctx: RequestContext,
    providerId: string,
    shaped: readonly PreparedRecord[],
    links: ReadonlyMap<string, ActiveLink>,
  ): Promise<void> {
    const linkOf = new Map<string, string>();
    for (const record of shaped) {
      const link = links.get(record.customerRef);
      if (record.content === null && link !== undefined && link.categories.includes(record.category))
        linkOf.set(link.individualId, link.linkId);
    }
    const missing = await this.envelope.withoutDataKey(ctx, linkOf.keys());
    if (missing.length === 0) return;
    await this.transactions.runOwn(ctx, async (tx) => {
      const active = await lockActiveLinks(tx, providerId, [...new Set(missing.map((individualId) => linkOf.get(individualId) as string))]);
      await this.envelope.ensureDataKeys(
        tx,
        missing.filter((individualId) => active.has(linkOf.get(individualId) as string)),
      );
    });
  }

  private classify(candidate: Candidate, existing: CurrentRecord | undefined): 'new' | 'duplicate' | 'superseded' | 'owner_changed' {
    if (existing === undefined) return 'new';
    if (existing.individualId !== candidate.individualId) return 'owner_changed';
    return existing.contentDigest.equals(candidate.contentDigest) ? 'duplicate' : 'superseded';
  }

  private seal(keys: OpenedDataKeys, candidate: Candidate, id: string, version: number): RecordVersionRow {
    return {
      id,
      recordId: candidate.record.recordId,
      individualId: candidate.individualId,
      category: candidate.record.category,
      observedAt: candidate.observedAt,
      version,
      contentDigest: candidate.contentDigest,
      ciphertext: keys.seal(candidate.individualId, candidate.plaintext, recordAad(id, version, candidate.individualId)),
      plaintextBytes: candidate.plaintext.length,
    };
  }
}

/** The error refusing the whole batch, from what its preparation found. */
function refusalError(refusal: DepositRefusal): DomainError {
  switch (refusal.code) {
    case 'DEPOSIT_KEY_UNKNOWN':
      return new DepositKeyUnknownError();
    case 'DEPOSIT_SIGNATURE_INVALID':
      return new DepositSignatureInvalidError();
    case 'DEPOSIT_JWS_INVALID':
      return new DepositJwsInvalidError(refusal.detail ?? 'The batch is not an acceptable JWS.');
    case 'DEPOSIT_TOO_LARGE':
      return new DepositTooLargeError(MAX_RECORDS_PER_BATCH);
    case 'DEPOSIT_PAYLOAD_INVALID':
      return new DepositPayloadInvalidError(refusal.problems ?? []);
  }
}
