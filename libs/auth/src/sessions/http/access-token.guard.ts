import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrors, createRequestContext, ForbiddenError, GuardedBy, type Actor, type RequestContext } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PendingAccountCheck } from '../application/pending-account-check';
import { SessionTokens } from '../application/session-tokens';
import type { SessionRole } from '../domain/session-tokens';
import { AccountAccess } from '../application/account-access';
import { UnauthenticatedError } from '../sessions.errors';
import { ACCOUNT_CHECKED_BY_READ } from './account-checked-by-read';

/** A request once a guard has authenticated it (with its account check still to make, on AccountCheckedByRead routes). */
type AuthenticatedRequest = FastifyRequest & { actor?: Actor; pendingAccountCheck?: PendingAccountCheck };

const bearerPattern = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Admits a request only with `Authorization: Bearer <access token>` issued by this app to `role`
 * (EdDSA, typ at+jwt, iss/aud = this app's URL, unexpired) to an account that still exists and is
 * not disabled or closed (one primary-key lookup per request, so closing an account ends its access
 * tokens at once on every instance; on an AccountCheckedByRead route that lookup rides in the route's own
 * statement, and nothing is answered before it was made); sets the request's actor. Refusals are 401 UNAUTHENTICATED with
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
    private readonly accounts: AccountAccess,
    private readonly reflector: Reflector,
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
      const admitted: readonly SessionRole[] = typeof this.role === 'string' ? [this.role] : this.role;
      if (this.reflector.get<boolean | undefined>(ACCOUNT_CHECKED_BY_READ, context.getHandler()) === true) {
        // The route's read carries the account check in its own statement (one round trip); the interceptor that
        // came with the route's decorator makes it on its own if that read did not.
        if (!admitted.includes(claims.role)) {
          await this.accounts.assertAdmits(claims);
          throw new ForbiddenError('FORBIDDEN', 'Your role may not do this.');
        }
        request.pendingAccountCheck = new PendingAccountCheck({
          accountId: claims.accountId,
          role: claims.role,
          issuedAt: claims.issuedAt,
        });
      } else {
        await this.accounts.assertAdmits(claims);
        if (!admitted.includes(claims.role)) throw new ForbiddenError('FORBIDDEN', 'Your role may not do this.');
      }
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

/** The account check the guard left to this route's read (see AccountCheckedByRead); undefined on other routes. */
export const CurrentPendingAccountCheck = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PendingAccountCheck | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().pendingAccountCheck,
);

/** The address the request came from (the socket's peer; see the platform's trustProxy setting). */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<FastifyRequest>().ip;
});
