import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards, type Type } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors, type Actor } from '@infobank/platform';
import type { FastifyRequest } from 'fastify';
import { SessionTokens } from '../application/session-tokens';
import { StepUpRequiredError } from '../sessions.errors';

/** Header that carries the step-up token from `POST /v1/auth/step-up`. */
export const STEP_UP_HEADER = 'x-step-up-token';

/**
 * Admits a request only with a live step-up token (header `X-Step-Up-Token`) for the actor the
 * access token guard authenticated; must run after that guard. Refusals are 401 STEP_UP_REQUIRED.
 */
@Injectable()
@ApiErrors('STEP_UP_REQUIRED')
export class StepUpGuard implements CanActivate {
  constructor(private readonly tokens: SessionTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const actor = request.actor;
    if (actor === undefined || !('id' in actor)) throw new StepUpRequiredError();
    const header = request.headers[STEP_UP_HEADER];
    await this.tokens.verifyStepUpToken(typeof header === 'string' ? header : undefined, actor.id);
    return true;
  }
}

/**
 * Marks a sensitive route: the access token guard given here, then a fresh step-up token, e.g.
 * `@RequireStepUp(IndividualAuthGuard)` on consent to sensitive data or erasure.
 */
export function RequireStepUp(accessGuard: Type<CanActivate>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(accessGuard, StepUpGuard),
    ApiHeader({ name: 'X-Step-Up-Token', required: true, description: 'step-up token from POST /v1/auth/step-up (5 minutes)' }),
  );
}
