import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { StepUpGuard } from '@infobank/auth';
import { ApiErrors } from '@infobank/platform';
import type { FastifyRequest } from 'fastify';

/**
 * Removing a link needs no step-up, but erasing the provider's records with it (`?erase=true`) is
 * erasure and does: then a live step-up token is required, as for `DELETE /v1/me/data`. Runs after
 * the access token guard.
 */
@Injectable()
@ApiErrors('STEP_UP_REQUIRED')
export class StepUpWhenErasingGuard implements CanActivate {
  constructor(private readonly stepUp: StepUpGuard) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const { query } = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: { erase?: unknown } }>>();
    return query.erase === 'true' ? this.stepUp.canActivate(context) : true;
  }
}
