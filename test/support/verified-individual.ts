import type { INestApplicationContext } from '@nestjs/common';
import { MarkEmailVerifiedUseCase } from '@infobank/identity';
import { createRequestContext } from '@infobank/platform';

/**
 * Verifies an individual's e-mail address the operator's way, without a mail, through the running
 * app's own MarkEmailVerifiedUseCase. For tests that are not about mail but need an individual who may
 * consent (an unverified one is refused with EMAIL_VERIFICATION_REQUIRED). Tests about verification
 * itself use the real link (test/e2e/portal/mail.e2e-spec.ts).
 */
export async function verifyEmailWithoutMail(running: { app: INestApplicationContext }, individualId: string): Promise<void> {
  const operator = createRequestContext({ type: 'operator', name: 'test-support' });
  await running.app.get(MarkEmailVerifiedUseCase, { strict: false }).execute(operator, { individualId });
}

/**
 * Verifies the address of an individual who signed up through the page or the API, knowing only the
 * credentials: signs in once to learn the account's id, then verifies it as verifyEmailWithoutMail does.
 */
export async function verifySignedUpIndividual(
  portal: { app: INestApplicationContext; url: string },
  credentials: { email: string; password: string },
): Promise<string> {
  const login = await fetch(`${portal.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken?: string };
  if (accessToken === undefined) throw new Error(`sign-in for verification failed with ${login.status}`);
  const me = (await (await fetch(`${portal.url}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { id: string };
  await verifyEmailWithoutMail(portal, me.id);
  return me.id;
}
