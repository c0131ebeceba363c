import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { PendingAccountCheck } from '../application/pending-account-check';
import { AccountAccess } from '../application/account-access';

/** Route metadata: the access token guard leaves the account check to the route's read (see AccountCheckedByRead). */
export const ACCOUNT_CHECKED_BY_READ = 'infobank:account-checked-by-read';

/**
 * Makes the account check the guard left pending on its own (one read on the primary) when the route's read did not
 * confirm it, before the answer (or the route's error) goes out: a route whose read forgets the check, reads on the
 * replica or finds no row costs a round trip more, never an answer to a closed account.
 */
@Injectable()
export class PendingAccountCheckInterceptor implements NestInterceptor {
  constructor(private readonly accounts: AccountAccess) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { pendingAccountCheck?: PendingAccountCheck }>();
    const pending = request.pendingAccountCheck;
    if (pending === undefined) return next.handle();
    const settle = async (): Promise<void> => {
      if (pending.isConfirmed) return;
      try {
        await this.accounts.assertAdmits(pending.session);
      } catch (error) {
        void context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', 'Bearer error="invalid_token"');
        throw error;
      }
      pending.confirm();
    };
    return next.handle().pipe(
      mergeMap((value: unknown) => from(settle().then(() => value))),
      catchError((error: unknown) => from(settle()).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}

/**
 * For a read-only route whose use case carries the guard's account check in its own statement (one round trip instead
 * of two; see PendingAccountCheck): the access token guard verifies the token and leaves the check pending, and the
 * route's use case takes it from CurrentPendingAccountCheck. Whatever the read does, nothing is answered before the
 * account was found open (PendingAccountCheckInterceptor).
 */
export const AccountCheckedByRead = (): MethodDecorator =>
  applyDecorators(SetMetadata(ACCOUNT_CHECKED_BY_READ, true), UseInterceptors(PendingAccountCheckInterceptor));
