import { DomainError } from '@infobank/platform';

/** A leaf to append is not acceptable (kind not in the vocabulary's shape, body empty or too large). */
export class LogLeafInvalidError extends DomainError<'LOG_LEAF_INVALID'> {
  constructor(detail: string) {
    super('LOG_LEAF_INVALID', detail);
  }
}

/** A consistency proof was asked for sizes the log cannot prove (from > to, or beyond the latest checkpoint). */
export class LogRangeInvalidError extends DomainError<'LOG_RANGE_INVALID'> {
  constructor(detail: string, path: string) {
    super('LOG_RANGE_INVALID', detail, { errors: [{ path, message: detail }] });
  }
}

/** The log has no checkpoint yet (nothing sealed). */
export class LogCheckpointNotFoundError extends DomainError<'LOG_CHECKPOINT_NOT_FOUND'> {
  constructor() {
    super('LOG_CHECKPOINT_NOT_FOUND', 'The transparency log has no checkpoint yet.');
  }
}

/** A proof file or checkpoint does not verify (offline verification). */
export class LogProofInvalidError extends DomainError<'LOG_PROOF_INVALID'> {
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super('LOG_PROOF_INVALID', detail, options);
  }
}

/** Stable codes of libs/transparency-log's errors. */
export type TransparencyLogErrorCode = 'LOG_LEAF_INVALID' | 'LOG_RANGE_INVALID' | 'LOG_CHECKPOINT_NOT_FOUND' | 'LOG_PROOF_INVALID';

/** HTTP status for each provision error code, for apps' problem+json filters. */
export const TRANSPARENCY_LOG_ERROR_STATUS: Readonly<Record<TransparencyLogErrorCode, number>> = {
  LOG_LEAF_INVALID: 422,
  LOG_RANGE_INVALID: 400,
  LOG_CHECKPOINT_NOT_FOUND: 404,
  LOG_PROOF_INVALID: 422,
};
