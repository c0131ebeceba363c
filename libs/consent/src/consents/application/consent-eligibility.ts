import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import type { RequestContext } from '@infobank/platform';
import { EmailVerificationRequiredError } from '../../consent.errors';

/**
 * What an individual must have done before they give consent (a new grant, an approval, standing
 * conditions): today, verified their e-mail address (EMAIL_VERIFICATION_REQUIRED, 403). The one place
 * such preconditions live; each consenting use case calls it first, before it changes anything.
 */
@Injectable()
export class ConsentEligibility {
  constructor(private readonly accounts: AccountStore) {}

  /** Throws unless `individualId` may consent now. */
  async assertMayConsent(ctx: RequestContext, individualId: string): Promise<void> {
    const account = await this.accounts.findById(ctx, individualId, 'individual');
    if (account === null || account.emailVerifiedAt === null) throw new EmailVerificationRequiredError();
  }
}
