import { importJWK, jwtVerify, type CryptoKey, type JWK, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { CryptoError } from '../../crypto.errors';
import { jwsAlgorithmFitsKey, sameMediaType, type AllowedJwsAlgorithm } from './jose-algorithms';
import { toCryptoError } from './jose-error-mapping';
import { jwkThumbprint, toPublicJwk } from './jwk';
import { checkJwsAlgorithm, decodeCompactJwsHeader, rejectKeyCarryingHeaders, rejectProcessingHeaders } from './jws';

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** A DPoP proof whose signature checked out against the key it embeds, with that key's thumbprint. */
export interface VerifiedDpopProof {
  payload: JWTPayload;
  protectedHeader: ProtectedHeaderParameters;
  /** RFC 7638 thumbprint of the embedded key: compare with the access token's `cnf.jkt`. */
  jwkThumbprint: string;
}

/**
 * Checks a DPoP proof's form and signature (RFC 9449 §4.3 steps on the JOSE layer): `typ`
 * dpop+jwt, a pinned algorithm, a public embedded `jwk` (the one place an embedded key is right).
 * `htm`, `htu`, `ath`, `nonce` and `jti` replay belong to the caller, which knows the request.
 */
export async function verifyDpopProofSignature(
  proof: string,
  options: {
    algorithms?: readonly AllowedJwsAlgorithm[];
    maxTokenAge: number | string;
    clockTolerance?: number | string;
    currentDate?: Date;
  },
): Promise<VerifiedDpopProof> {
  const header = decodeCompactJwsHeader(proof);
  if (!sameMediaType(header.typ, 'dpop+jwt')) {
    throw new CryptoError('JOSE_TYPE_MISMATCH', 'The DPoP proof "typ" header is not "dpop+jwt".');
  }
  const algorithm = checkJwsAlgorithm(header.alg, options.algorithms);
  rejectKeyCarryingHeaders(header, ['jwk']);
  rejectProcessingHeaders(header);
  const embedded = header.jwk as JWK | undefined;
  if (typeof embedded !== 'object' || embedded === null || Array.isArray(embedded)) {
    throw new CryptoError('JOSE_KEY_NOT_FOUND', 'The DPoP proof carries no "jwk" header.');
  }
  if (PRIVATE_JWK_MEMBERS.some((member) => Object.hasOwn(embedded, member))) {
    throw new CryptoError('JOSE_KEY_INVALID', 'The DPoP proof "jwk" header contains private key material.');
  }
  const publicJwk = toPublicJwk(embedded);
  if (!jwsAlgorithmFitsKey(algorithm, publicJwk)) {
    throw new CryptoError('JOSE_ALGORITHM_NOT_ALLOWED', `The DPoP proof "alg" ${algorithm} does not fit its "jwk".`);
  }
  let key: CryptoKey;
  try {
    const { alg: _ignored, kid: _kid, use: _use, ...bare } = publicJwk;
    key = (await importJWK(bare, algorithm)) as CryptoKey;
  } catch (error) {
    throw toCryptoError(error, 'Importing the DPoP proof key');
  }
  try {
    const { payload, protectedHeader } = await jwtVerify(proof, key, {
      algorithms: [algorithm],
      typ: 'dpop+jwt',
      maxTokenAge: options.maxTokenAge,
      clockTolerance: options.clockTolerance,
      currentDate: options.currentDate,
      requiredClaims: ['iat', 'jti', 'htm', 'htu'],
    });
    return { payload, protectedHeader, jwkThumbprint: await jwkThumbprint(publicJwk) };
  } catch (error) {
    throw toCryptoError(error, 'DPoP proof verification');
  }
}
