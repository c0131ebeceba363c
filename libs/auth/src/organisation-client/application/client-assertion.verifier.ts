import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationCredentials } from '@infobank/catalog';
import { isCryptoError, verifyJwtWithKeys, type JWTPayload } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { InvalidClientError, ReplayCacheResetError } from '../../auth.errors';
import {
  CLIENT_ASSERTION_TYPE,
  clientAssertionAudienceProblem,
  clientAssertionEarliestAcceptance,
  clientAssertionReplayWindowSeconds,
  clientAssertionTimeProblem,
  CLOCK_SKEW_SECONDS,
  isUsableJti,
  mayPredateReplayEpoch,
} from '../domain/client-authentication-policy';
import { ReplayCache } from '../infrastructure/redis-replay-cache';

/** Longest client assertion accepted (characters). */
const MAX_ASSERTION_LENGTH = 8192;

/** A client assertion that checked out; its `jti` is not yet spent. */
export interface VerifiedClientAssertion {
  organisation: OrganisationCredentials;
  jti: string;
  exp: number;
  /** The earliest moment this assertion could have been accepted (seconds since the epoch). */
  earliestAcceptance: number;
}

/** Who a client assertion must be addressed to, and when it is checked. */
export interface ClientAssertionContext {
  /** The bank's issuer identifier for this API (RFC 8414): its public URL. */
  issuer: string;
  tokenEndpointUrl: string;
  /** `client_id` as the token request sent it, if it did. */
  clientId?: string;
  /** Seconds since the epoch. */
  now: number;
}

/**
 * Verifies `private_key_jwt` client assertions (RFC 7523 §3, draft-ietf-oauth-rfc7523bis): `typ`
 * client-authentication+jwt, signed by one of the organisation's registered keys (chosen by `kid`,
 * algorithm pinned), `iss` = `sub` = organisation id, `aud` = the issuer identifier or the token
 * endpoint URL (nothing else), `exp` at most 5 minutes ahead, and a `jti` never seen before.
 */
@Injectable()
export class ClientAssertionVerifier {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly replayCache: ReplayCache,
  ) {}

  /** Checks the assertion and its organisation's registration; changes nothing. */
  async verify(assertion: string, { issuer, tokenEndpointUrl, clientId, now }: ClientAssertionContext): Promise<VerifiedClientAssertion> {
    if (assertion.length > MAX_ASSERTION_LENGTH) throw new InvalidClientError('The client assertion is too long.');
    // The issuer names the keys to check the signature with; nothing else is read before the signature holds.
    const claimedIssuer = unverifiedIssuer(assertion);
    if (clientId !== undefined && clientId !== claimedIssuer) throw new InvalidClientError();
    const organisation =
      claimedIssuer === undefined ? null : await this.directory.findCredentials(createRequestContext({ type: 'anonymous' }), claimedIssuer);
    if (organisation === null) throw new InvalidClientError();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await verifyJwtWithKeys(assertion, organisation.signingKeys, {
        // jose requires one of these; the audience rule below refuses arrays that name anyone else too.
        audience: [issuer, tokenEndpointUrl],
        typ: CLIENT_ASSERTION_TYPE,
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
    const audienceProblem = clientAssertionAudienceProblem(claims.aud, { issuer, tokenEndpointUrl });
    if (audienceProblem !== undefined) throw new InvalidClientError(`The client assertion is not acceptable: ${audienceProblem}.`);
    const timeProblem = clientAssertionTimeProblem(claims, now);
    if (timeProblem !== undefined) throw new InvalidClientError(`The client assertion is not acceptable: ${timeProblem}.`);
    if (!isUsableJti(claims.jti)) throw new InvalidClientError('The client assertion has no usable "jti".');
    if (organisation.status !== 'active') throw new InvalidClientError('The organisation is suspended.');
    // clientAssertionTimeProblem found exp numeric.
    const exp = claims.exp as number;
    return { organisation, jti: claims.jti, exp, earliestAcceptance: clientAssertionEarliestAcceptance({ ...claims, exp }) };
  }

  /**
   * Spends the assertion's `jti` until the assertion expires; a second use is refused, and so is an
   * assertion that could have been used before the replay cache last lost its data.
   */
  async spend(assertion: VerifiedClientAssertion, now: number): Promise<void> {
    const ttl = clientAssertionReplayWindowSeconds(assertion.exp, now);
    const use = await this.replayCache.record(`assertion:${assertion.organisation.id}`, assertion.jti, ttl, now);
    if (!use.firstUse) throw new InvalidClientError('The client assertion was used before.');
    if (mayPredateReplayEpoch(assertion.earliestAcceptance, use.epochStart)) throw new ReplayCacheResetError();
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
