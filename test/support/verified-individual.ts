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
