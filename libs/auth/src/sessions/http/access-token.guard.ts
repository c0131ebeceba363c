import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiErrors, createRequestContext, ForbiddenError, GuardedBy, type Actor, type RequestContext } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { SessionTokens } from '../application/session-tokens';
import type { SessionRole } from '../domain/session-tokens';
import { UnauthenticatedError } from '../sessions.errors';

/** A request once a guard has authenticated it. */
type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

const bearerPattern = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Admits a request only with `Authorization: Bearer <access token>` issued by this app to `role`
 * (EdDSA, typ at+jwt, iss/aud = this app's URL, unexpired) to an account that still exists and is
 * not disabled or closed (one primary-key lookup per request, so closing an account ends its access
 * tokens at once on every instance); sets the request's actor. Refusals are 401 UNAUTHENTICATED with
 * `WWW-Authenticate: Bearer` (RFC 6750), except a valid token of another role this app serves (a desk
 * member at a board route, or the reverse): that person is signed in but may not do this, 403 FORBIDDEN.
 */
@Injectable()
@ApiErrors('UNAUTHENTICATED')
export abstract class AccessTokenGuard implements CanActivate {
  /** The role, or roles, this guard admits. */
  protected abstract readonly role: SessionRole | readonly SessionRole[];

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
      const claims = await this.tokens.verifyAccessToken(match[1]);
      // One primary-key read as plain SQL (no query builder: it runs before every guarded request).
      const [account]: { disabledAt: Date | null; sessionsNotBefore: Date | null }[] = await this.dataSource.query(
        `SELECT "disabled_at" AS "disabledAt", "sessions_not_before" AS "sessionsNotBefore" FROM "accounts" WHERE "id" = $1 AND "kind" = $2`,
        [claims.accountId, claims.role],
      );
      if (account === undefined || account.disabledAt !== null) throw new UnauthenticatedError('The account is closed or disabled.');
      // A password reset ended every session: tokens issued before it no longer admit anyone.
      if (account.sessionsNotBefore !== null && claims.issuedAt.getTime() < account.sessionsNotBefore.getTime()) {
        throw new UnauthenticatedError('The session ended; sign in again.');
      }
      const admitted: readonly SessionRole[] = typeof this.role === 'string' ? [this.role] : this.role;
      if (!admitted.includes(claims.role)) throw new ForbiddenError('FORBIDDEN', 'Your role may not do this.');
      request.actor = { type: claims.role, id: claims.accountId };
      return true;
    } catch (error) {
      if (error instanceof ForbiddenError) throw error;
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw error;
    }
  }
}

/** Admits individuals signed in at the portal. */
@Injectable()
@GuardedBy('individualBearer')
export class IndividualAuthGuard extends AccessTokenGuard {
  protected readonly role = 'individual';
}

/** Admits data ethics board members signed in at the board's app. */
@Injectable()
@GuardedBy('boardBearer', 'FORBIDDEN')
export class BoardMemberAuthGuard extends AccessTokenGuard {
  protected readonly role = 'board_member';
}

/** Admits complaints desk staff (苦情相談窓口) signed in at the board's app; board members are not staff. */
@Injectable()
@GuardedBy('staffBearer', 'FORBIDDEN')
export class StaffAuthGuard extends AccessTokenGuard {
  protected readonly role = 'staff';
}

/** Admits board members and complaints desk staff alike, for work both share (incidents); the use case decides the rest. */
@Injectable()
@GuardedBy(['boardBearer', 'staffBearer'])
export class BoardOrStaffAuthGuard extends AccessTokenGuard {
  protected readonly role = ['board_member', 'staff'] as const;
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
