import { DomainError, type FieldProblem } from '@infobank/platform';

/** Stable codes for everything libs/crypto refuses; apps map them to problem+json statuses. */
export type CryptoErrorCode =
  | 'JOSE_ALGORITHM_NOT_ALLOWED'
  | 'JOSE_KEY_NOT_FOUND'
  | 'JOSE_KEY_INVALID'
  | 'JOSE_HEADER_NOT_ALLOWED'
  | 'JOSE_INVALID_SIGNATURE'
  | 'JOSE_MALFORMED'
  | 'JOSE_TYPE_MISMATCH'
  | 'JOSE_TOKEN_EXPIRED'
  | 'JOSE_CLAIM_INVALID'
  | 'JOSE_DECRYPTION_FAILED'
  | 'DATA_KEY_NOT_FOUND'
  | 'KEK_NOT_FOUND'
  | 'KEY_UNWRAP_FAILED'
  | 'ENVELOPE_MALFORMED'
  | 'ENVELOPE_DECRYPTION_FAILED'
  | 'KEY_MATERIAL_MISSING'
  | 'KEY_MATERIAL_INVALID'
  | 'INVALID_ARGUMENT';

/**
 * A cryptographic check failed or key material is unusable. Messages name files, settings and
 * header fields, never key material, tokens or plaintext, so they are safe to log.
 */
export class CryptoError extends DomainError<CryptoErrorCode> {
  constructor(code: CryptoErrorCode, message: string, options?: { cause?: unknown; errors?: FieldProblem[] }) {
    super(code, message, {
      ...(options?.cause === undefined ? {} : { cause: options.cause }),
      ...(options?.errors === undefined ? {} : { errors: options.errors }),
    });
    this.name = 'CryptoError';
  }
}

/** True when `error` is a CryptoError, optionally with the given code. */
export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
