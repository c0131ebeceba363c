import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { OrganisationDirectory } from '@infobank/catalog';
import { isCryptoError, parseJsonPayloadBytes, verifyJwsBytesWithKeys, type VerifiedJwsBytes } from '@infobank/crypto';
import { createHash } from 'node:crypto';
import {
  DepositJwsInvalidError,
  DepositKeyUnknownError,
  DepositPayloadInvalidError,
  DepositSignatureInvalidError,
} from '../records.errors';

/** Media type (`typ` header) a deposit batch JWS must declare (RFC 8725 §3.11 explicit typing). */
export const DEPOSIT_BATCH_JWS_TYPE = 'deposit-batch+jws';

/** A batch whose signature checked out, with the provenance every record of it will carry. */
export interface VerifiedDepositBatch {
  payload: Record<string, unknown>;
  /** kid of the provider's registered key that signed it. */
  kid: string;
  /** SHA-256 of the compact JWS as received. */
  jwsDigest: Buffer;
  /** SHA-256 of the signed payload bytes. */
  payloadDigest: Buffer;
}

/**
 * Verifies a deposit batch as its provider signed it: a compact JWS with `typ` deposit-batch+jws,
 * an algorithm among EdDSA/ES256/PS256 that fits the key, and a `kid` naming one of the provider's
 * registered signing keys (never a key the token carries). Anything else refuses the whole batch.
 * The signature is checked once over the bytes as received and the payload decoded and parsed once.
 */
@Injectable()
export class DepositSignatureVerifier {
  constructor(private readonly organisations: OrganisationDirectory) {}

  async verify(ctx: RequestContext, providerId: string, jws: string | Uint8Array): Promise<VerifiedDepositBatch> {
    const credentials = await this.organisations.findCredentials(ctx, providerId);
    let verified: VerifiedJwsBytes;
    try {
      verified = verifyJwsBytesWithKeys(jws, credentials?.signingKeys ?? [], { typ: DEPOSIT_BATCH_JWS_TYPE });
    } catch (error) {
      if (isCryptoError(error, 'JOSE_KEY_NOT_FOUND')) throw new DepositKeyUnknownError({ cause: error });
      if (isCryptoError(error, 'JOSE_INVALID_SIGNATURE')) throw new DepositSignatureInvalidError({ cause: error });
      if (isCryptoError(error)) throw new DepositJwsInvalidError(`The batch is not an acceptable JWS: ${error.message}`, { cause: error });
      throw error;
    }
    let payload: Record<string, unknown>;
    try {
      payload = parseJsonPayloadBytes(verified.payload);
    } catch (error) {
      throw new DepositPayloadInvalidError([{ path: '', message: 'must be a JSON object' }], { cause: error });
    }
    return {
      payload,
      kid: verified.kid,
      // Verified above: every character of the JWS is ASCII, so its text and its bytes hash alike.
      jwsDigest: (typeof jws === 'string' ? createHash('sha256').update(jws, 'latin1') : createHash('sha256').update(jws)).digest(),
      payloadDigest: createHash('sha256').update(verified.payload).digest(),
    };
  }
}
