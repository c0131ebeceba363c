import { CompactSign, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { CryptoError } from '../../crypto.errors';
import { BANK_SIGNING_ALGORITHM } from '../../jose/infrastructure/jose-algorithms';
import { toCryptoError } from '../../jose/infrastructure/jose-error-mapping';
import { toPublicJwk, type PublicJwk } from '../../jose/infrastructure/jwk';
import { parseJsonPayload, verifyJwsWithKeys, verifyJwtWithKeys, type VerifiedJwt } from '../../jose/infrastructure/jws';
import type { KeyMaterial } from './key-material';

/** A verified bank JWS with its JSON payload (receipts, checkpoints, decisions, packages). */
export interface VerifiedBankJws {
  payload: Record<string, unknown>;
  protectedHeader: VerifiedJwt['protectedHeader'];
  kid: string;
}

/** What `signJwt` stamps on the claims. */
export interface BankJwtOptions {
  typ?: string;
  /** Seconds from now, or a jose time span such as "10m". */
  expiresIn: number | string;
  audience?: string | string[];
  issuer?: string;
  subject?: string;
  jti?: string;
}

/**
 * The bank's signing keys: the current key signs receipts, checkpoints and tokens; every key in
 * the ring verifies, so rotating the key does not invalidate what older keys signed.
 */
export class BankKeyRing {
  private constructor(
    readonly currentKid: string,
    private readonly signingKey: CryptoKey,
    private readonly publicKeys: readonly PublicJwk[],
  ) {}

  /** Imports the signing keys from the loaded key material. */
  static async fromKeyMaterial(material: KeyMaterial): Promise<BankKeyRing> {
    const { currentKid, keys } = material.signingKeys;
    const current = keys.find((key) => key.kid === currentKid);
    if (current === undefined) throw new CryptoError('KEY_MATERIAL_INVALID', 'The current signing key id names no signing key.');
    let signingKey: CryptoKey;
    try {
      signingKey = (await importJWK(current.privateJwk, BANK_SIGNING_ALGORITHM)) as CryptoKey;
    } catch (error) {
      throw new CryptoError('KEY_MATERIAL_INVALID', 'The current signing key cannot be imported.', { cause: error });
    }
    const publicKeys = keys.map((key) => toPublicJwk({ ...key.privateJwk, kid: key.kid, alg: BANK_SIGNING_ALGORITHM, use: 'sig' }));
    return new BankKeyRing(currentKid, signingKey, publicKeys);
  }

  /** The bank's published JWKS (`/.well-known/jwks.json`): public members only, current key first. */
  publicJwks(): { keys: PublicJwk[] } {
    const ordered = [...this.publicKeys].sort((a, b) => Number(b.kid === this.currentKid) - Number(a.kid === this.currentKid));
    return { keys: ordered.map((key) => ({ ...key })) };
  }

  /** Signs a JSON payload as a compact JWS (EdDSA, header kid + typ). `iat` is the caller's business. */
  async signJws(payload: object, options: { typ: string }): Promise<string> {
    try {
      return await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: BANK_SIGNING_ALGORITHM, kid: this.currentKid, typ: options.typ })
        .sign(this.signingKey);
    } catch (error) {
      throw toCryptoError(error, 'Signing a bank JWS');
    }
  }

  /** Issues a JWT signed by the bank (access tokens and the like), with `iat` and `exp` set. */
  async signJwt(claims: JWTPayload, options: BankJwtOptions): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: BANK_SIGNING_ALGORITHM, kid: this.currentKid, ...(options.typ === undefined ? {} : { typ: options.typ }) })
      .setIssuedAt()
      // jose reads a number as an absolute time; ours is a duration.
      .setExpirationTime(typeof options.expiresIn === 'number' ? `${options.expiresIn}s` : options.expiresIn);
    if (options.audience !== undefined) jwt.setAudience(options.audience);
    if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
    if (options.subject !== undefined) jwt.setSubject(options.subject);
    if (options.jti !== undefined) jwt.setJti(options.jti);
    try {
      return await jwt.sign(this.signingKey);
    } catch (error) {
      throw toCryptoError(error, 'Signing a bank JWT');
    }
  }

  /** Verifies a JWS the bank signed with any key of the ring and parses its JSON payload. */
  async verifyBankJws(jws: string, options: { typ?: string } = {}): Promise<VerifiedBankJws> {
    const verified = await verifyJwsWithKeys(jws, this.publicKeys as JWK[], { algorithms: [BANK_SIGNING_ALGORITHM], typ: options.typ });
    return { payload: parseJsonPayload(verified.payload), protectedHeader: verified.protectedHeader, kid: verified.kid };
  }

  /** Verifies a JWT the bank issued (signature by any key of the ring, `exp`, audience, issuer). */
  async verifyBankJwt(
    jwt: string,
    options: { audience: string | string[]; issuer: string | string[]; typ?: string; currentDate?: Date },
  ): Promise<VerifiedJwt> {
    return verifyJwtWithKeys(jwt, this.publicKeys as JWK[], {
      algorithms: [BANK_SIGNING_ALGORITHM],
      audience: options.audience,
      issuer: options.issuer,
      typ: options.typ,
      currentDate: options.currentDate,
    });
  }
}
