import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationCredentials } from '@infobank/catalog';
import { isCryptoError, verifyJwtWithKeys, type JWTPayload } from '@infobank/crypto';
import { InvalidClientError } from '../../auth.errors';
import {
  clientAssertionReplayWindowSeconds,
  clientAssertionTimeProblem,
  CLOCK_SKEW_SECONDS,
  isUsableJti,
} from '../domain/client-authentication-policy';
import { ReplayCache } from '../infrastructure/redis-replay-cache';

/** Longest client assertion accepted (characters). */
const MAX_ASSERTION_LENGTH = 8192;

/** A client assertion that checked out; its `jti` is not yet spent. */
export interface VerifiedClientAssertion {
  organisation: OrganisationCredentials;
  jti: string;
  exp: number;
}

/**
 * Verifies `private_key_jwt` client assertions (RFC 7523 §3): signed by one of the organisation's
 * registered keys (chosen by `kid`, algorithm pinned), `iss` = `sub` = organisation id, `aud` = the
 * token endpoint URL, `exp` at most 5 minutes ahead, and a `jti` never seen before.
 */
@Injectable()
export class ClientAssertionVerifier {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly replayCache: ReplayCache,
  ) {}

  /** Checks the assertion and its organisation's registration; changes nothing. */
  async verify(
    assertion: string,
    { tokenEndpointUrl, clientId, now }: { tokenEndpointUrl: string; clientId?: string; now: number },
  ): Promise<VerifiedClientAssertion> {
    if (assertion.length > MAX_ASSERTION_LENGTH) throw new InvalidClientError('The client assertion is too long.');
    // The issuer names the keys to check the signature with; nothing else is read before the signature holds.
    const issuer = unverifiedIssuer(assertion);
    if (clientId !== undefined && clientId !== issuer) throw new InvalidClientError();
    const organisation = issuer === undefined ? null : await this.directory.findCredentials(issuer);
    if (organisation === null) throw new InvalidClientError();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await verifyJwtWithKeys(assertion, organisation.signingKeys, {
        audience: tokenEndpointUrl,
        issuer: organisation.id,
        subject: organisation.id,
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(now * 1000),
        requiredClaims: ['jti'],
      }));
    } catch (error) {
      // One answer for every refusal but expiry (checked only once the signature holds): which check failed helps only an attacker.
      if (isCryptoError(error, 'JOSE_TOKEN_EXPIRED')) throw new InvalidClientError('The client assertion has expired.', { cause: error });
      if (isCryptoError(error)) throw new InvalidClientError(undefined, { cause: error });
      throw error;
    }
    const timeProblem = clientAssertionTimeProblem(claims, now);
    if (timeProblem !== undefined) throw new InvalidClientError(`The client assertion is not acceptable: ${timeProblem}.`);
    if (!isUsableJti(claims.jti)) throw new InvalidClientError('The client assertion has no usable "jti".');
    if (organisation.status !== 'active') throw new InvalidClientError('The organisation is suspended.');
    return { organisation, jti: claims.jti, exp: claims.exp as number };
  }

  /** Spends the assertion's `jti` until the assertion expires; a second use is refused. */
  async spend(assertion: VerifiedClientAssertion, now: number): Promise<void> {
    const ttl = clientAssertionReplayWindowSeconds(assertion.exp, now);
    if (!(await this.replayCache.firstUse(`assertion:${assertion.organisation.id}`, assertion.jti, ttl))) {
      throw new InvalidClientError('The client assertion was used before.');
    }
  }
}

/** The `iss` claim of a compact JWT, read without verification (only to find the registered keys). */
function unverifiedIssuer(jwt: string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const issuer = (payload as { iss?: unknown } | null)?.iss;
    return typeof issuer === 'string' && issuer.length <= 64 ? issuer : undefined;
  } catch {
    return undefined;
  }
}
