import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import { mapRead, readTogether, Transactions, type ReadPiece, type RequestContext } from '@infobank/platform';
import { ConsentPrerequisites, TermsAcceptanceRequiredError } from '@infobank/rights';
import { EmailVerificationRequiredError } from '../../consent.errors';

/** Why an individual may not consent now. */
export type ConsentRefusal = EmailVerificationRequiredError | TermsAcceptanceRequiredError;

/**
 * What an individual must have done before a new consent is given (a grant, an approval, standing
 * conditions): verified their e-mail address (EMAIL_VERIFICATION_REQUIRED, 403) and accepted the current
 * terms (TERMS_ACCEPTANCE_REQUIRED, 403, naming the version; nothing when no terms were ever published).
 * The one place such preconditions live; each consenting use case calls it first, before it changes
 * anything (one individual: `assertMayConsent`, or `mayConsentPiece` read together with the use case's own
 * reads; a page of them for standing conditions: `eligibleAmong`), the same rule read in one statement.
 * Consents already given keep delivering whatever changes later.
 */
@Injectable()
export class ConsentEligibility {
  constructor(
    private readonly accounts: AccountStore,
    private readonly terms: ConsentPrerequisites,
    private readonly transactions: Transactions,
  ) {}

  /** Throws unless `individualId` may consent now. */
  assertMayConsent(ctx: RequestContext, individualId: string): Promise<void> {
    return this.transactions.read(ctx, this.mayConsentPiece(individualId));
  }

  /** The read of `assertMayConsent`, for a use case that reads it together with what it reads itself: reading it back throws the refusal. */
  mayConsentPiece(individualId: string): ReadPiece<void> {
    return mapRead(this.refusalsPiece([individualId]), (refusals) => {
      const refusal = refusals.get(individualId);
      if (refusal !== undefined) throw refusal;
    });
  }

  /** Which of these individuals may consent now (the others are left out, exactly as assertMayConsent would refuse them). */
  async eligibleAmong(ctx: RequestContext, individualIds: readonly string[]): Promise<Set<string>> {
    if (individualIds.length === 0) return new Set();
    const refusals = await this.transactions.read(ctx, this.refusalsPiece(individualIds));
    return new Set(individualIds.filter((individualId) => !refusals.has(individualId)));
  }

  /** Why each of these individuals may not consent (absent: they may): identity's and rights' reads in one statement. */
  private refusalsPiece(individualIds: readonly string[]): ReadPiece<Map<string, ConsentRefusal>> {
    const checks = readTogether({
      verified: this.accounts.emailVerifiedAmongPiece(individualIds),
      versions: this.terms.versionsToAcceptPiece(individualIds),
    });
    return mapRead(checks, ({ verified, versions }) => {
      const refusals = new Map<string, ConsentRefusal>();
      for (const individualId of individualIds) {
        // An unverified address is refused first, as it always was.
        const version = versions.get(individualId);
        if (!verified.has(individualId)) refusals.set(individualId, new EmailVerificationRequiredError());
        else if (version !== undefined) refusals.set(individualId, new TermsAcceptanceRequiredError(version));
      }
      return refusals;
    });
  }
}
