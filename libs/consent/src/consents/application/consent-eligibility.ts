import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import type { RequestContext } from '@infobank/platform';
import { ConsentPrerequisites } from '@infobank/rights';
import { EmailVerificationRequiredError } from '../../consent.errors';

/**
 * What an individual must have done before a new consent is given (a grant, an approval, standing
 * conditions): verified their e-mail address (EMAIL_VERIFICATION_REQUIRED, 403) and accepted the current
 * terms (TERMS_ACCEPTANCE_REQUIRED, 403, naming the version; nothing when no terms were ever published).
 * The one place such preconditions live; each consenting use case calls it first, before it changes
 * anything. Consents already given keep delivering whatever changes later.
 */
@Injectable()
export class ConsentEligibility {
  constructor(
    private readonly accounts: AccountStore,
    private readonly terms: ConsentPrerequisites,
  ) {}

  /** Throws unless `individualId` may consent now. */
  async assertMayConsent(ctx: RequestContext, individualId: string): Promise<void> {
    const account = await this.accounts.findById(ctx, individualId, 'individual');
    if (account === null || account.emailVerifiedAt === null) throw new EmailVerificationRequiredError();
    await this.terms.require(ctx, individualId);
  }
}
