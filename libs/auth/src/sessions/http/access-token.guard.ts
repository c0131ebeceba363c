import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { createRequestContext, type Actor, type RequestContext } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { SessionTokens } from '../application/session-tokens';
import type { SessionRole } from '../domain/session-tokens';
import { AccountEntity } from '@infobank/identity';
import { UnauthenticatedError } from '../sessions.errors';

/** A request once a guard has authenticated it. */
type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

const bearerPattern = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Admits a request only with `Authorization: Bearer <access token>` issued by this app to `role`
 * (EdDSA, typ at+jwt, iss/aud = this app's URL, unexpired) to an account that still exists and is
 * not disabled or closed (one primary-key lookup per request, so closing an account ends its access
 * tokens at once on every instance); sets the request's actor. Refusals are 401 UNAUTHENTICATED with
 * `WWW-Authenticate: Bearer` (RFC 6750).
 */
@Injectable()
export abstract class AccessTokenGuard implements CanActivate {
  protected abstract readonly role: SessionRole;

  constructor(
    private readonly tokens: SessionTokens,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const match = bearerPattern.exec(request.headers.authorization ?? '');
    if (match === null) {
      void reply.header('www-authenticate', 'Bearer');
      throw new UnauthenticatedError();
    }
    try {
      const claims = await this.tokens.verifyAccessToken(match[1], this.role);
      const account = await this.dataSource.manager.findOne(AccountEntity, {
        where: { id: claims.accountId, kind: claims.role },
        select: { id: true, disabledAt: true, sessionsNotBefore: true },
      });
      if (account === null || account.disabledAt !== null) throw new UnauthenticatedError('The account is closed or disabled.');
      // A password reset ended every session: tokens issued before it no longer admit anyone.
      if (account.sessionsNotBefore !== null && claims.issuedAt.getTime() < account.sessionsNotBefore.getTime()) {
        throw new UnauthenticatedError('The session ended; sign in again.');
      }
      request.actor = { type: claims.role, id: claims.accountId };
      return true;
    } catch (error) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw error;
    }
  }
}

/** Admits individuals signed in at the portal. */
@Injectable()
export class IndividualAuthGuard extends AccessTokenGuard {
  protected readonly role = 'individual';
}

/** Admits data ethics board members signed in at the board's app. */
@Injectable()
export class BoardMemberAuthGuard extends AccessTokenGuard {
  protected readonly role = 'board_member';
}

/** The actor a guard authenticated (anonymous on unguarded routes). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor ?? { type: 'anonymous' };
});

/** The request context for a use case: the authenticated actor and the request's correlation id. */
export const CurrentRequestContext = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return createRequestContext(request.actor ?? { type: 'anonymous' }, request.id);
});

/** The address the request came from (the socket's peer; see the platform's trustProxy setting). */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<FastifyRequest>().ip;
});
