import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { STEP_UP_HEADER, StepUpGuard } from '@infobank/auth';
import { ApiErrors } from '@infobank/platform';
import type { FastifyRequest } from 'fastify';

/**
 * Whether a consent needs a step-up depends on the offer (sensitive items), which only the use case
 * knows: so a step-up token is optional here, but one that is sent must be valid (else 401). The
 * controller then tells the use case a verified step-up came with the request. Runs after the access token guard.
 */
@Injectable()
@ApiErrors('STEP_UP_REQUIRED')
export class StepUpIfPresentGuard implements CanActivate {
  constructor(private readonly stepUp: StepUpGuard) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const { headers } = context.switchToHttp().getRequest<FastifyRequest>();
    return headers[STEP_UP_HEADER] === undefined ? true : this.stepUp.canActivate(context);
  }
}
