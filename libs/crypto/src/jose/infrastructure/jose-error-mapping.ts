import { CryptoError, type CryptoErrorCode } from '../../crypto.errors';

const JOSE_CODES: Record<string, CryptoErrorCode> = {
  ERR_JOSE_ALG_NOT_ALLOWED: 'JOSE_ALGORITHM_NOT_ALLOWED',
  ERR_JOSE_NOT_SUPPORTED: 'JOSE_ALGORITHM_NOT_ALLOWED',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'JOSE_INVALID_SIGNATURE',
  ERR_JWS_INVALID: 'JOSE_MALFORMED',
  ERR_JWT_INVALID: 'JOSE_MALFORMED',
  ERR_JWE_INVALID: 'JOSE_MALFORMED',
  ERR_JWK_INVALID: 'JOSE_KEY_INVALID',
  ERR_JWT_EXPIRED: 'JOSE_TOKEN_EXPIRED',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'JOSE_CLAIM_INVALID',
  ERR_JWE_DECRYPTION_FAILED: 'JOSE_DECRYPTION_FAILED',
};

/**
 * Turns whatever jose (or WebCrypto underneath it) threw into a CryptoError. The message is ours:
 * jose's own texts are safe, but keeping the wording here keeps the codes and texts stable.
 */
export function toCryptoError(error: unknown, action: string): CryptoError {
  if (error instanceof CryptoError) return error;
  const joseCode = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const code = JOSE_CODES[joseCode];
  if (code === 'JOSE_CLAIM_INVALID' || code === 'JOSE_TOKEN_EXPIRED') {
    const claim = (error as { claim?: unknown }).claim;
    const reason = (error as { reason?: unknown }).reason;
    const which = typeof claim === 'string' ? ` "${claim}" (${String(reason)})` : '';
    return new CryptoError(code, `${action}: claim${which} check failed.`, { cause: error });
  }
  if (code !== undefined) return new CryptoError(code, `${action}: ${describe(code)}.`, { cause: error });
  // WebCrypto rejects unusable keys with DOMException/TypeError; treat as a bad key, not a bug in the token.
  return new CryptoError(
    error instanceof TypeError || (error as { name?: unknown })?.name === 'DataError' ? 'JOSE_KEY_INVALID' : 'JOSE_MALFORMED',
    `${action}: the input or key could not be processed.`,
    { cause: error },
  );
}

function describe(code: CryptoErrorCode): string {
  switch (code) {
    case 'JOSE_ALGORITHM_NOT_ALLOWED':
      return 'algorithm or header parameter not allowed';
    case 'JOSE_INVALID_SIGNATURE':
      return 'signature verification failed';
    case 'JOSE_KEY_INVALID':
      return 'key is not a valid JWK for this use';
    case 'JOSE_DECRYPTION_FAILED':
      return 'decryption failed';
    default:
      return 'not a well-formed JOSE object';
  }
}
