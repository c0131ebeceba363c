import { Controller, Module, Post } from '@nestjs/common';
import { CurrentActor, IndividualAuthGuard, RequireStepUp } from '@infobank/auth';
import type { Actor } from '@infobank/platform';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { callJson, expectProblem, newIndividual } from './session-client';

/** A stand-in for a sensitive action (consent to sensitive data, erasure) as later routes will declare it. */
@Controller('v1/sensitive-probe')
class SensitiveProbeController {
  @Post()
  @RequireStepUp(IndividualAuthGuard)
  act(@CurrentActor() actor: Actor): { actor: Actor } {
    return { actor };
  }
}

@Module({ imports: [PortalModule], controllers: [SensitiveProbeController] })
class PortalWithSensitiveRoute {}

describe('portal: sensitive routes need a step-up token', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp(PortalWithSensitiveRoute, {}, PORTAL_ERROR_STATUS);
  });
  afterAll(() => running?.close());

  const post = (path: string, body: unknown, bearer?: string, headers?: Record<string, string>) =>
    callJson(running.url, 'POST', path, { body, bearer, headers });

  async function session() {
    const individual = newIndividual();
    const { body: registered } = await post('/v1/auth/register', individual);
    const { body: tokens } = await post('/v1/auth/login', { email: individual.email, password: individual.password });
    const { body: stepUp } = await post('/v1/auth/step-up', { password: individual.password }, tokens.accessToken);
    return { id: registered.id as string, accessToken: tokens.accessToken as string, stepUpToken: stepUp.stepUpToken as string };
  }

  const act = (accessToken: string | undefined, stepUpToken?: string) =>
    post('/v1/sensitive-probe', {}, accessToken, stepUpToken === undefined ? {} : { 'x-step-up-token': stepUpToken });

  it('admits the account holder with their own fresh step-up token', async () => {
    const { id, accessToken, stepUpToken } = await session();
    const response = await act(accessToken, stepUpToken);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ actor: { type: 'individual', id } });
  });

  it('refuses without a step-up token, or with an access token in its place (401 STEP_UP_REQUIRED)', async () => {
    const { accessToken } = await session();
    expectProblem(await act(accessToken), 401, 'STEP_UP_REQUIRED');
    expectProblem(await act(accessToken, accessToken), 401, 'STEP_UP_REQUIRED');
  });

  it('refuses another account’s step-up token', async () => {
    const [mine, theirs] = await Promise.all([session(), session()]);
    expectProblem(await act(mine.accessToken, theirs.stepUpToken), 401, 'STEP_UP_REQUIRED');
  });

  it('checks the access token first', async () => {
    const { stepUpToken } = await session();
    expectProblem(await act(undefined, stepUpToken), 401, 'UNAUTHENTICATED');
  });
});
