import { DomainError, type FieldProblem } from '@infobank/platform';

/** The batch is not a compact JWS the bank accepts: malformed, a wrong `typ`, or an algorithm or header that is not allowed. */
export class DepositJwsInvalidError extends DomainError<'DEPOSIT_JWS_INVALID'> {
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super('DEPOSIT_JWS_INVALID', detail, options);
  }
}

/** The batch's `kid` names none of the provider's registered signing keys. */
export class DepositKeyUnknownError extends DomainError<'DEPOSIT_KEY_UNKNOWN'> {
  constructor(options: { cause?: unknown } = {}) {
    super('DEPOSIT_KEY_UNKNOWN', 'The batch is not signed with one of your registered signing keys (check "kid").', options);
  }
}

/** The batch's signature does not verify with the registered key its `kid` names. */
export class DepositSignatureInvalidError extends DomainError<'DEPOSIT_SIGNATURE_INVALID'> {
  constructor(options: { cause?: unknown } = {}) {
    super('DEPOSIT_SIGNATURE_INVALID', 'The batch signature does not verify.', options);
  }
}

/** The signed payload is not `{ batchId, records: [...] }`; `errors` names each problem. */
export class DepositPayloadInvalidError extends DomainError<'DEPOSIT_PAYLOAD_INVALID'> {
  constructor(errors: FieldProblem[], options: { cause?: unknown } = {}) {
    super('DEPOSIT_PAYLOAD_INVALID', 'The signed batch is not a valid deposit; see errors.', { ...options, errors });
  }
}

/** The batch holds more records than one batch may. */
export class DepositTooLargeError extends DomainError<'DEPOSIT_TOO_LARGE'> {
  constructor(limit: number) {
    super('DEPOSIT_TOO_LARGE', `A batch holds at most ${limit} records; split it.`, {
      errors: [{ path: '/records', message: `must hold at most ${limit} records` }],
    });
  }
}

/** The provider already deposited a different batch under this batchId. */
export class BatchIdReusedError extends DomainError<'BATCH_ID_REUSED'> {
  constructor() {
    super('BATCH_ID_REUSED', 'This batchId was already used for a batch with other content; use a new batchId.', {
      errors: [{ path: '/batchId', message: 'was already used for another batch' }],
    });
  }
}

/** Stable codes of the records part of the vault. */
export type RecordErrorCode =
  | 'DEPOSIT_JWS_INVALID'
  | 'DEPOSIT_KEY_UNKNOWN'
  | 'DEPOSIT_SIGNATURE_INVALID'
  | 'DEPOSIT_PAYLOAD_INVALID'
  | 'DEPOSIT_TOO_LARGE'
  | 'BATCH_ID_REUSED';

/** HTTP status of each deposit and record error code. */
export const RECORD_ERROR_STATUS: Readonly<Record<RecordErrorCode, number>> = {
  DEPOSIT_JWS_INVALID: 400,
  DEPOSIT_KEY_UNKNOWN: 400,
  DEPOSIT_SIGNATURE_INVALID: 400,
  DEPOSIT_PAYLOAD_INVALID: 400,
  DEPOSIT_TOO_LARGE: 413,
  BATCH_ID_REUSED: 409,
};
