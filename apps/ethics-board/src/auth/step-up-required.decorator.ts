import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { StepUpGuard } from '@infobank/auth';

/**
 * Marks a board action that needs a fresh password entry (votes, stop-use orders): after the
 * controller's BoardMemberAuthGuard, a live step-up token from `POST /v1/auth/step-up` in
 * `X-Step-Up-Token`; without one, 401 STEP_UP_REQUIRED and nothing changes.
 */
export function StepUpRequired(): MethodDecorator {
  return applyDecorators(
    UseGuards(StepUpGuard),
    ApiHeader({ name: 'X-Step-Up-Token', required: true, description: 'step-up token from POST /v1/auth/step-up (5 minutes)' }),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED, or STEP_UP_REQUIRED without a live step-up token' }),
  );
}
