import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import type { RequestContext } from '@infobank/platform';
import { ConsentPrerequisites, TermsAcceptanceRequiredError } from '@infobank/rights';
import { EmailVerificationRequiredError } from '../../consent.errors';

/** Why an individual may not consent now. */
export type ConsentRefusal = EmailVerificationRequiredError | TermsAcceptanceRequiredError;

/**
 * What an individual must have done before a new consent is given (a grant, an approval, standing
 * conditions): verified their e-mail address (EMAIL_VERIFICATION_REQUIRED, 403) and accepted the current
 * terms (TERMS_ACCEPTANCE_REQUIRED, 403, naming the version; nothing when no terms were ever published).
 * The one place such preconditions live; each consenting use case calls it first, before it changes
 * anything (one individual: `assertMayConsent`; a page of them for standing conditions: `eligibleAmong`,
 * the same rule read with one query per table). Consents already given keep delivering whatever changes later.
 */
@Injectable()
export class ConsentEligibility {
  constructor(
    private readonly accounts: AccountStore,
    private readonly terms: ConsentPrerequisites,
  ) {}

  /** Throws unless `individualId` may consent now. */
  async assertMayConsent(ctx: RequestContext, individualId: string): Promise<void> {
    const refusal = (await this.refusalsAmong(ctx, [individualId])).get(individualId);
    if (refusal !== undefined) throw refusal;
  }

  /** Which of these individuals may consent now (the others are left out, exactly as assertMayConsent would refuse them). */
  async eligibleAmong(ctx: RequestContext, individualIds: readonly string[]): Promise<Set<string>> {
    const refusals = await this.refusalsAmong(ctx, individualIds);
    return new Set(individualIds.filter((individualId) => !refusals.has(individualId)));
  }

  private async refusalsAmong(ctx: RequestContext, individualIds: readonly string[]): Promise<Map<string, ConsentRefusal>> {
    const verifiedAmong = () => this.accounts.emailVerifiedIndividualsAmong(ctx, individualIds);
    const versionsAmong = () => this.terms.versionsToAccept(ctx, individualIds);
    // Both at once on the pool; one after the other inside a transaction (a standing conditions' page), whose one
    // connection pg would otherwise queue the second on (deprecated since pg 8, an error in pg 9).
    const [verified, versions] =
      ctx.transaction === undefined
        ? await Promise.all([verifiedAmong(), versionsAmong()])
        : ([await verifiedAmong(), await versionsAmong()] as const);
    const refusals = new Map<string, ConsentRefusal>();
    for (const individualId of individualIds) {
      // An unverified address is refused first, as it always was.
      const version = versions.get(individualId);
      if (!verified.has(individualId)) refusals.set(individualId, new EmailVerificationRequiredError());
      else if (version !== undefined) refusals.set(individualId, new TermsAcceptanceRequiredError(version));
    }
    return refusals;
  }
}
