import { Inject, Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName, type OrganisationRole } from '@infobank/catalog';
import { BankKeyRing, isCryptoError, type JWTPayload } from '@infobank/crypto';
import { createRequestContext, type Actor } from '@infobank/platform';
import type { RequestContext } from '@infobank/platform';
import { InvalidTokenError, WrongRoleError } from '../../auth.errors';
import { endpointUrl, parseDpopAuthorization } from '../domain/http-target';
import { DpopProofChecker } from './dpop-proof.checker';
import { ACCESS_TOKEN_TYPE } from './issue-access-token.use-case';
import { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from './organisation-client-settings';

/** The organisation behind a resource request, as the guard hands it to the route. */
export interface AuthenticatedOrganisation {
  /** The actor every use case and audit entry is written with. */
  actor: Extract<Actor, { type: 'organisation' }>;
  id: string;
  /** The organisation's roles now (not as they were when the token was issued). */
  roles: OrganisationRole[];
  name: OrganisationName;
  /** The access token's `jti`, for audit trails. */
  tokenId: string | undefined;
}

/** A resource request's credentials as they arrived. */
export interface OrganisationRequest {
  authorization: string | string[] | undefined;
  dpop: string | string[] | undefined;
  method: string;
  /** The request target as received (path and query). */
  url: string;
}

/**
 * Authenticates a resource request (RFC 9449 §7): `Authorization: DPoP <token>` issued by the bank for
 * this API, a fresh proof by the key the token is bound to, and an organisation that is still active
 * and holds `role`. The organisation is read on every request (one primary-key lookup), so suspension
 * and role changes take effect at once on every instance; no cache.
 */
@Injectable()
export class AuthenticateOrganisationRequestUseCase {
  constructor(
    @Inject(ORGANISATION_CLIENT_SETTINGS) private readonly settings: OrganisationClientSettings,
    private readonly keyRing: BankKeyRing,
    private readonly proofs: DpopProofChecker,
    private readonly directory: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, request: OrganisationRequest, role: OrganisationRole): Promise<AuthenticatedOrganisation> {
    const token = this.readToken(request.authorization);
    const claims = await this.verifyToken(token);
    const now = Math.floor(ctx.now().getTime() / 1000);
    const proof = await this.proofs.check(request.dpop, {
      method: request.method,
      url: endpointUrl(this.settings.publicUrl, request.url),
      accessToken: token,
      now,
    });
    if (proof.jkt !== claims.jkt) throw new InvalidTokenError('The access token is bound to a different DPoP key.');
    await this.proofs.spend(proof, now);
    const organisation = await this.directory.findCredentials(createRequestContext({ type: 'anonymous' }), claims.organisationId);
    if (organisation === null || organisation.status !== 'active') throw new InvalidTokenError('The organisation is not active.');
    if (!organisation.roles.includes(role)) throw new WrongRoleError(role);
    return {
      actor: { type: 'organisation', id: organisation.id, roles: [...organisation.roles] },
      id: organisation.id,
      roles: [...organisation.roles],
      name: organisation.name,
      tokenId: claims.tokenId,
    };
  }

  private readToken(header: string | string[] | undefined): string {
    if (Array.isArray(header)) throw new InvalidTokenError('Send exactly one Authorization header.');
    const authorization = parseDpopAuthorization(header);
    switch (authorization.kind) {
      case 'dpop':
        return authorization.token;
      case 'missing':
        throw new InvalidTokenError('An access token is required: Authorization: DPoP <token>, with a DPoP proof.');
      case 'other-scheme':
        throw new InvalidTokenError('Use the DPoP authorization scheme: this API accepts no bearer tokens.');
      case 'malformed':
        throw new InvalidTokenError('The Authorization header is not "DPoP <token>".');
    }
  }

  private async verifyToken(token: string): Promise<{ organisationId: string; jkt: string; tokenId: string | undefined }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await this.keyRing.verifyBankJwt(token, {
        audience: this.settings.publicUrl,
        issuer: this.settings.publicUrl,
        typ: ACCESS_TOKEN_TYPE,
      }));
    } catch (error) {
      if (isCryptoError(error, 'JOSE_TOKEN_EXPIRED')) throw new InvalidTokenError('The access token has expired.', { cause: error });
      if (isCryptoError(error)) throw new InvalidTokenError(undefined, { cause: error });
      throw error;
    }
    const jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt;
    // Every token the bank issues is DPoP-bound; one without cnf.jkt is not ours to honour.
    if (typeof payload.sub !== 'string' || typeof jkt !== 'string') throw new InvalidTokenError();
    return { organisationId: payload.sub, jkt, tokenId: payload.jti };
  }
}
