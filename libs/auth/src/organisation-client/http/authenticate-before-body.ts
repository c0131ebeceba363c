import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AuthenticateOrganisationRequestUseCase } from '../application/authenticate-organisation-request.use-case';
import { TOKEN_ENDPOINT_PATH } from '../application/issue-access-token.use-case';
import { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from '../application/organisation-client-settings';
import { authenticateOrganisationRequest } from './organisation-auth.guard';
import { withOAuthErrorFields } from './oauth-error';

/** A route (as the controller declares it, e.g. `/v1/notices/:id/attestation`) whose body is large. */
export interface BodyRoute {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
}

/** Injection token of the API's routes that authenticate before their body is read. */
export const AUTHENTICATE_BEFORE_BODY_ROUTES = Symbol('AUTHENTICATE_BEFORE_BODY_ROUTES');

type Hooks<T> = T | T[] | undefined;

function asList<T>(hooks: Hooks<T>): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

/**
 * Fastify hooks of the organisation-facing APIs, installed as routes are registered (Fastify applies an
 * onRoute hook only to routes registered after it, so this runs when Nest builds its providers):
 *
 * - the listed body routes authenticate the organisation in `onRequest`, from the headers alone (the
 *   DPoP proof binds method, URL and token, not the body), so an unauthenticated upload is refused
 *   with the guard's 401 before a byte of its body is read; the guard then checks the route's role;
 * - the token endpoint's refusals carry RFC 6749 §5.2 `error` and `error_description`.
 *
 * Startup fails if a listed route was never registered (a typo would otherwise leave it unprotected).
 */
@Injectable()
export class OrganisationClientHttpHooks {
  constructor(
    adapterHost: HttpAdapterHost,
    @Inject(ORGANISATION_CLIENT_SETTINGS) private readonly settings: OrganisationClientSettings,
    @Inject(AUTHENTICATE_BEFORE_BODY_ROUTES) routes: readonly BodyRoute[],
    private readonly authenticate: AuthenticateOrganisationRequestUseCase,
  ) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    const unseen = new Set(routes.map((route) => `${route.method} ${route.url}`));
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = asList(route.method);
      if (route.url === TOKEN_ENDPOINT_PATH && methods.includes('POST')) {
        route.preSerialization = [...asList(route.preSerialization), this.addOAuthErrorFields];
      }
      const keys = methods.map((method) => `${method} ${route.url}`).filter((key) => unseen.has(key));
      if (keys.length === 0) return;
      for (const key of keys) unseen.delete(key);
      route.onRequest = [...asList(route.onRequest), this.authenticateBeforeBody];
    });
    fastify.addHook('onReady', async () => {
      if (unseen.size > 0) throw new Error(`Routes to authenticate before their body are not registered: ${[...unseen].join(', ')}.`);
    });
  }

  private readonly authenticateBeforeBody = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await authenticateOrganisationRequest(this.authenticate, request, reply, this.settings.role);
  };

  private readonly addOAuthErrorFields = async (_request: FastifyRequest, _reply: FastifyReply, payload: unknown): Promise<unknown> =>
    withOAuthErrorFields(payload);
}
