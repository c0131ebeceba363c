import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OrganisationRole } from '@infobank/catalog';
import { ALLOWED_JWS_ALGORITHMS } from '@infobank/crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRequestContext, GuardedBy } from '@infobank/platform';
import { InvalidDpopProofError, InvalidTokenError, WrongRoleError } from '../../auth.errors';
import {
  AuthenticateOrganisationRequestUseCase,
  type AuthenticatedOrganisation,
} from '../application/authenticate-organisation-request.use-case';

/** Route metadata key: the role an organisation needs for the route. */
export const ORGANISATION_ROLE_KEY = 'infobank:organisation-role';

/** Where the guard leaves the authenticated organisation on the request. */
export const AUTHENTICATED_ORGANISATION = Symbol('AUTHENTICATED_ORGANISATION');

/** A Fastify request the guard has authenticated. */
export type OrganisationAuthenticatedRequest = FastifyRequest & { [AUTHENTICATED_ORGANISATION]?: AuthenticatedOrganisation };

const ALGORITHMS = ALLOWED_JWS_ALGORITHMS.join(' ');

/**
 * Lets a request through only with a valid DPoP-bound access token and proof from an active
 * organisation holding the route's role (see `@OrganisationRoute`). Refusals are 401 problem+json
 * with a `WWW-Authenticate: DPoP` challenge (RFC 9449 §7.1), or 403 WRONG_ROLE.
 */
@Injectable()
@GuardedBy('DPoP', 'INVALID_TOKEN', 'INVALID_DPOP_PROOF', 'WRONG_ROLE')
export class OrganisationAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateOrganisationRequestUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const role = this.reflector.getAllAndOverride<OrganisationRole | undefined>(ORGANISATION_ROLE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // A guarded route without a role is a programming error; refuse rather than guess.
    if (role === undefined) throw new Error('OrganisationAuthGuard needs @OrganisationRoute(role) on the route.');
    const http = context.switchToHttp();
    const request = http.getRequest<OrganisationAuthenticatedRequest>();
    // Routes whose body is large were authenticated before it was read (AuthenticateBeforeBody); the role is
    // checked again here, against this route's own metadata.
    const authenticated = request[AUTHENTICATED_ORGANISATION];
    if (authenticated !== undefined) {
      if (!authenticated.roles.includes(role)) throw new WrongRoleError(role);
      return true;
    }
    await authenticateOrganisationRequest(this.authenticate, request, http.getResponse<FastifyReply>(), role);
    return true;
  }
}

/**
 * Authenticates `request` from its headers alone and leaves the organisation on it. On refusal the
 * `WWW-Authenticate` challenge is set here, where the cause is known; the problem+json filter writes the body.
 */
export async function authenticateOrganisationRequest(
  authenticate: AuthenticateOrganisationRequestUseCase,
  request: OrganisationAuthenticatedRequest,
  reply: FastifyReply,
  role: OrganisationRole,
): Promise<void> {
  try {
    request[AUTHENTICATED_ORGANISATION] = await authenticate.execute(
      createRequestContext({ type: 'anonymous' }, request.id),
      { authorization: request.headers.authorization, dpop: request.headers.dpop, method: request.method, url: request.url },
      role,
    );
  } catch (error) {
    const challenge = challengeFor(error, request.headers.authorization === undefined);
    if (challenge !== undefined) void reply.header('www-authenticate', challenge);
    throw error;
  }
}

function challengeFor(error: unknown, noCredentials: boolean): string | undefined {
  if (!(error instanceof InvalidTokenError || error instanceof InvalidDpopProofError)) return undefined;
  // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
  if (noCredentials) return `DPoP algs="${ALGORITHMS}"`;
  const code = error instanceof InvalidTokenError ? 'invalid_token' : 'invalid_dpop_proof';
  return `DPoP error="${code}", error_description="${error.message.replace(/["\\]/g, '')}", algs="${ALGORITHMS}"`;
}
