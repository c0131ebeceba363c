import { isCryptoError, parseJsonPayloadBytes, verifyJwsBytesWithKeys, type JWK, type VerifiedJwsBytes } from '@infobank/crypto';
import type { FieldProblem } from '@infobank/platform';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import type { RecordRejection, RecordResult } from '../domain/deposit-outcome';
import { checkDepositPayload, checkRecordShape, recordIdOf } from '../domain/deposit-payload';
import { judgeRecordContent, type CategoryRules } from '../domain/record-checks';

/** Media type (`typ` header) a deposit batch JWS must declare (RFC 8725 §3.11 explicit typing). */
export const DEPOSIT_BATCH_JWS_TYPE = 'deposit-batch+jws';

/** What preparing a batch needs: the JWS as received, the provider's registered keys and the time. */
export interface DepositPreparationInput {
  jws: string | Uint8Array;
  signingKeys: readonly JWK[];
  nowMs: number;
}

/** Why a whole batch is refused before any record is looked at (the use case turns it into its error). */
export interface DepositRefusal {
  code: 'DEPOSIT_KEY_UNKNOWN' | 'DEPOSIT_SIGNATURE_INVALID' | 'DEPOSIT_JWS_INVALID' | 'DEPOSIT_PAYLOAD_INVALID' | 'DEPOSIT_TOO_LARGE';
  detail?: string;
  problems?: FieldProblem[];
}

/** A well-shaped record of the batch, judged on its own content, with its canonical data if that passed. */
export interface PreparedRecord {
  index: number;
  recordId: string;
  customerRef: string;
  category: string;
  observedAt: string;
  /** The content's rejection (schema, observedAt, 個人番号, unknown category), or null. */
  content: RecordRejection | null;
  /** observedAt as parsed by the content check (milliseconds since the epoch); NaN when the content is rejected. */
  observedAtMs: number;
  /** Where the record's canonical data (UTF-8, what is digested and encrypted) lies in `plaintexts`; -1 when rejected. */
  plaintextStart: number;
  plaintextLength: number;
}

/** A verified batch with every check that needs no database done. */
export interface PreparedDeposit {
  batchId: string;
  recordCount: number;
  kid: string;
  /** SHA-256 of the compact JWS as received. */
  jwsDigest: Buffer;
  /** SHA-256 of the signed payload bytes. */
  payloadDigest: Buffer;
  /** One result per record, in order: accepted so far, or rejected for its shape or a repeated recordId. */
  results: RecordResult[];
  records: PreparedRecord[];
  plaintexts: Buffer;
}

/**
 * Everything a deposit does before it touches the database, as one pure step that a worker thread
 * can run: the signature checked once over the bytes received, the payload parsed once, its outer
 * shape, then each record's shape and content, and the canonical JSON of each record that passed.
 */
export async function prepareDeposit(
  input: DepositPreparationInput,
  rules: CategoryRules,
): Promise<{ refusal: DepositRefusal } | { prepared: PreparedDeposit }> {
  let verified: VerifiedJwsBytes;
  try {
    verified = await verifyJwsBytesWithKeys(input.jws, input.signingKeys, { typ: DEPOSIT_BATCH_JWS_TYPE });
  } catch (error) {
    if (isCryptoError(error, 'JOSE_KEY_NOT_FOUND')) return { refusal: { code: 'DEPOSIT_KEY_UNKNOWN' } };
    if (isCryptoError(error, 'JOSE_INVALID_SIGNATURE')) return { refusal: { code: 'DEPOSIT_SIGNATURE_INVALID' } };
    if (isCryptoError(error))
      return { refusal: { code: 'DEPOSIT_JWS_INVALID', detail: `The batch is not an acceptable JWS: ${error.message}` } };
    throw error;
  }
  let payload: Record<string, unknown>;
  try {
    payload = parseJsonPayloadBytes(verified.payload);
  } catch {
    return { refusal: { code: 'DEPOSIT_PAYLOAD_INVALID', problems: [{ path: '', message: 'must be a JSON object' }] } };
  }
  const checked = checkDepositPayload(payload);
  if (checked.problems !== undefined) {
    return { refusal: checked.tooMany ? { code: 'DEPOSIT_TOO_LARGE' } : { code: 'DEPOSIT_PAYLOAD_INVALID', problems: checked.problems } };
  }
  const { batchId, records } = checked.payload;
  const now = new Date(input.nowMs);
  const results: RecordResult[] = records.map((record) => ({ recordId: recordIdOf(record), status: 'accepted' }));
  const reject = (index: number, rejection: RecordRejection) => {
    results[index] = { recordId: results[index].recordId, status: 'rejected', code: rejection.code, errors: rejection.errors };
  };
  const prepared: PreparedRecord[] = [];
  const canonical: string[] = [];
  const seen = new Set<string>();
  records.forEach((raw, index) => {
    const shape = checkRecordShape(raw, index);
    if ('rejection' in shape) return reject(index, shape.rejection);
    const { record } = shape;
    if (seen.has(record.recordId)) {
      return reject(index, {
        code: 'RECORD_ID_REPEATED',
        errors: [{ path: `/records/${index}/recordId`, message: 'appears earlier in this batch' }],
      });
    }
    seen.add(record.recordId);
    const judged = judgeRecordContent(record, index, rules, now);
    const content = 'rejection' in judged ? judged.rejection : null;
    // Canonical (members sorted), so that the same content sent in another order is a duplicate.
    if (content === null) canonical.push(canonicalJson(record.data));
    prepared.push({
      index,
      recordId: record.recordId,
      customerRef: record.customerRef,
      category: record.category,
      observedAt: record.observedAt,
      content,
      observedAtMs: 'rejection' in judged ? Number.NaN : judged.observedAtMs,
      plaintextStart: -1,
      plaintextLength: 0,
    });
  });
  // One buffer for every record's canonical data: one transfer back from a worker, not thousands. Each text
  // is encoded once, into room for the most bytes it could take (3 for each UTF-16 unit: JSON.stringify writes
  // no lone surrogate), then the bytes are copied into a buffer of their size (a copy costs less than measuring
  // each text's UTF-8 length first).
  let bound = 0;
  for (const text of canonical) bound += text.length * 3;
  const scratch = Buffer.allocUnsafeSlow(bound);
  let offset = 0;
  let next = 0;
  for (const record of prepared) {
    if (record.content !== null) continue;
    record.plaintextStart = offset;
    record.plaintextLength = scratch.write(canonical[next], offset, 'utf8');
    offset += record.plaintextLength;
    next += 1;
  }
  // Its own memory (never a slice of the shared pool), so that a worker can hand it over without copying.
  const plaintexts = Buffer.allocUnsafeSlow(offset);
  scratch.copy(plaintexts, 0, 0, offset);
  const jwsDigest =
    typeof input.jws === 'string' ? createHash('sha256').update(input.jws, 'latin1') : createHash('sha256').update(input.jws);
  return {
    prepared: {
      batchId,
      recordCount: records.length,
      kid: verified.kid,
      // Verified above: every character of the JWS is ASCII, so its text and its bytes hash alike.
      jwsDigest: jwsDigest.digest(),
      payloadDigest: createHash('sha256').update(verified.payload).digest(),
      results,
      records: prepared,
      plaintexts,
    },
  };
}
