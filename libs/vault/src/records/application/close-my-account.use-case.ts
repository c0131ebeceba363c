import { Injectable } from '@nestjs/common';
import { CloseAccountUseCase } from '@infobank/auth';
import { EnvelopeEncryption } from '@infobank/crypto';
import { Transactions, type RequestContext, requireIndividual, withoutTransaction } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { LinkDirectory } from '../../links/application/link-directory';
import { IndividualRecordsQueries } from '../infrastructure/individual-records.queries';

/** What closing the account removed. */
export interface ClosedAccount {
  erasedRecords: number;
  removedLinks: number;
}

/**
 * Closes the signed-in individual's account (退会) and erases what the bank holds about them:
 *
 * 1. their data key is deleted first, in its own transaction (crypto-shredding): from then on every
 *    ciphertext of theirs, in the table, a replica or a copy, is unreadable, even if a later step
 *    fails; in a database backup taken before, once the KEK generation that wrapped the key there is
 *    destroyed (libs/crypto's KEK generations: at most KEK_ROTATION_DAYS + BACKUP_RETENTION_DAYS);
 * 2. then, in one transaction: every provider link is deleted (this waits for deposits in flight for
 *    them, which hold their provider's links lock shared, so their records are erased too and no deposit follows),
 *    their records and all versions are deleted, a data key a racing deposit may have created is
 *    deleted again, and the account is closed in libs/auth (refresh tokens revoked, personal details
 *    overwritten, access and step-up tokens refused from then on, so it can never sign in again).
 *
 * Running it again after a failure between the steps finishes the job.
 *
 * Apps call it through libs/revocation's CloseMyAccountAndStopDeliveryUseCase, which also stops transfers in flight in the same transaction.
 */
@Injectable()
export class CloseMyAccountUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly envelope: EnvelopeEncryption,
    private readonly links: LinkDirectory,
    private readonly queries: IndividualRecordsQueries,
    private readonly closeAccount: CloseAccountUseCase,
  ) {}

  async execute(ctx: RequestContext): Promise<ClosedAccount> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    await this.envelope.shred(withoutTransaction(ctx), individualId);
    return this.transactions.run(ctx, async (tx) => {
      const removedLinks = await this.links.deleteAllOf(tx, individualId);
      const erasedRecords = await this.queries.erase(tx, individualId, {});
      await this.envelope.shred(tx, individualId);
      await this.closeAccount.execute(tx, { accountId: individualId });
      return { erasedRecords, removedLinks };
    });
  }
}
