import {
  CompactEncrypt,
  compactDecrypt,
  decodeProtectedHeader,
  importJWK,
  type CompactJWEHeaderParameters,
  type CryptoKey,
  type JWK,
} from 'jose';
import { CryptoError } from '../../crypto.errors';
import { ALLOWED_JWE_CONTENT_ENCRYPTION, ALLOWED_JWE_KEY_MANAGEMENT, sameMediaType } from './jose-algorithms';
import { toCryptoError } from './jose-error-mapping';
import { toPublicJwk } from './jwk';

const KEY_MANAGEMENT = ALLOWED_JWE_KEY_MANAGEMENT[0];
const CONTENT_ENCRYPTION = ALLOWED_JWE_CONTENT_ENCRYPTION[0];

/** A decrypted JWE: the plaintext bytes and the header the sender protected. */
export interface DecryptedJwe {
  plaintext: Uint8Array;
  protectedHeader: CompactJWEHeaderParameters;
}

/**
 * Encrypts a package (or any bytes) to a recipient's registered key as a compact JWE with
 * ECDH-ES+A256KW and A256GCM, the only pair we use. The key must be X25519 or P-256.
 */
export async function encryptJweForRecipient(
  plaintext: Uint8Array | string,
  recipientPublicJwk: JWK,
  options: { kid?: string; contentType?: string; typ?: string } = {},
): Promise<string> {
  const recipient = toPublicJwk(recipientPublicJwk);
  checkAgreementKey(recipient);
  let key: CryptoKey;
  try {
    const { alg: _alg, use: _use, kid: _kid, ...bare } = recipient;
    key = (await importJWK(bare, KEY_MANAGEMENT)) as CryptoKey;
  } catch (error) {
    throw toCryptoError(error, "Importing the recipient's key");
  }
  const kid = options.kid ?? recipient.kid;
  const bytes = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext;
  try {
    return await new CompactEncrypt(bytes)
      .setProtectedHeader({
        alg: KEY_MANAGEMENT,
        enc: CONTENT_ENCRYPTION,
        ...(kid === undefined ? {} : { kid }),
        ...(options.contentType === undefined ? {} : { cty: options.contentType }),
        ...(options.typ === undefined ? {} : { typ: options.typ }),
      })
      .encrypt(key);
  } catch (error) {
    throw toCryptoError(error, 'JWE encryption');
  }
}

/**
 * Decrypts a compact JWE as a recipient would, accepting only ECDH-ES+A256KW / A256GCM and no
 * compression, whatever the header asks for.
 */
export async function decryptJwe(jwe: string, privateJwk: JWK, options: { typ?: string } = {}): Promise<DecryptedJwe> {
  const header = decodeCompactJweHeader(jwe);
  if (header.alg !== KEY_MANAGEMENT || header.enc !== CONTENT_ENCRYPTION) {
    throw new CryptoError('JOSE_ALGORITHM_NOT_ALLOWED', `Only ${KEY_MANAGEMENT} with ${CONTENT_ENCRYPTION} is accepted for JWE.`);
  }
  if (Object.hasOwn(header, 'zip')) {
    // Compression before encryption leaks through length and invites decompression bombs.
    throw new CryptoError('JOSE_ALGORITHM_NOT_ALLOWED', 'Compressed JWE ("zip") is not accepted.');
  }
  if (options.typ !== undefined && !sameMediaType(header.typ, options.typ)) {
    throw new CryptoError('JOSE_TYPE_MISMATCH', `The JWE "typ" header is not "${options.typ}".`);
  }
  checkAgreementKey(privateJwk);
  let key: CryptoKey;
  try {
    const { alg: _alg, use: _use, kid: _kid, key_ops: _keyOps, ...bare } = privateJwk;
    key = (await importJWK(bare, KEY_MANAGEMENT)) as CryptoKey;
  } catch (error) {
    throw toCryptoError(error, 'Importing the decryption key');
  }
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: [KEY_MANAGEMENT],
      contentEncryptionAlgorithms: [CONTENT_ENCRYPTION],
    });
    return { plaintext, protectedHeader };
  } catch (error) {
    throw toCryptoError(error, 'JWE decryption');
  }
}

function decodeCompactJweHeader(jwe: string): CompactJWEHeaderParameters {
  if (typeof jwe !== 'string' || jwe.split('.').length !== 5) {
    throw new CryptoError('JOSE_MALFORMED', 'Not a compact JWE.');
  }
  try {
    return decodeProtectedHeader(jwe) as CompactJWEHeaderParameters;
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWE protected header cannot be decoded.', { cause: error });
  }
}

function checkAgreementKey(jwk: JWK): void {
  const fits = (jwk.kty === 'OKP' && jwk.crv === 'X25519') || (jwk.kty === 'EC' && jwk.crv === 'P-256');
  if (!fits) {
    throw new CryptoError('JOSE_KEY_INVALID', 'A package encryption key must be an X25519 (OKP) or P-256 (EC) key.');
  }
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    throw new CryptoError('JOSE_KEY_INVALID', 'The package encryption key is not marked for encryption ("use").');
  }
  if (jwk.alg !== undefined && jwk.alg !== KEY_MANAGEMENT) {
    throw new CryptoError(
      'JOSE_ALGORITHM_NOT_ALLOWED',
      `The package encryption key is registered for another "alg" than ${KEY_MANAGEMENT}.`,
    );
  }
}
