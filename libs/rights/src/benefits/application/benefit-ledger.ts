import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import type { BenefitCredit, BenefitTerms, ProvisionToCredit } from '../domain/benefit';
import { BenefitEntryStore } from '../infrastructure/benefit-entry.store';

/**
 * Credits benefits (便益) to individuals' ledgers inside the caller's transaction, so an entry exists
 * exactly when the provision it is for committed. One credit per provision: crediting a provision
 * again inserts nothing. Returns how many entries were inserted.
 */
@Injectable()
export class BenefitLedger {
  constructor(private readonly entries: BenefitEntryStore) {}

  credit(tx: TransactionalContext, credits: BenefitCredit[]): Promise<number> {
    return this.entries.append(tx, credits);
  }

  /**
   * Credits one delivery's provisions, all under the same terms (one offer, recipient and time): as `credit`, but
   * the terms travel once per statement instead of once per entry (a 1,000-subject part is 1,000 entries).
   */
  creditDelivery(tx: TransactionalContext, terms: BenefitTerms, provisions: readonly ProvisionToCredit[]): Promise<number> {
    return this.entries.appendUnderTerms(tx, terms, provisions);
  }
}
