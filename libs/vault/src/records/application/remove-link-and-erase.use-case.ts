import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { RemoveOwnLinkUseCase } from '../../links/application/remove-own-link.use-case';
import { ProviderLinkStore } from '../../links/infrastructure/provider-link.store';
import { DATA_ERASED_JOB } from '../../vault.jobs';
import { IndividualRecordsQueries } from '../infrastructure/individual-records.queries';
import type { ErasedData } from './erase-my-data.use-case';

/**
 * The individual removes one of their links and erases, with it, every record that link's provider
 * deposited about them (all categories, every version), in one transaction. The link is removed
 * first: that waits for a deposit under it still in flight, so its records are erased too and none
 * can follow. Someone else's link, or an unknown id, is LINK_NOT_FOUND and changes nothing.
 *
 * Apps call it through libs/revocation's RemoveLinkAndStopDeliveryUseCase, which also stops transfers in flight in the same transaction.
 */
@Injectable()
export class RemoveLinkAndEraseUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
    private readonly removeLink: RemoveOwnLinkUseCase,
    private readonly queries: IndividualRecordsQueries,
  ) {}

  async execute(ctx: RequestContext, command: { linkId: string }): Promise<ErasedData> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    return this.transactions.run(ctx, async (tx) => {
      await this.removeLink.execute(tx, command);
      // The removal above found the link theirs (or threw LINK_NOT_FOUND).
      const providerId = (await this.links.providerOf(tx, command.linkId, individualId)) as string;
      const erasedRecords = await this.queries.erase(tx, individualId, { providerId });
      if (erasedRecords > 0) {
        await enqueueJob(tx, DATA_ERASED_JOB, { individualId, erasureId: randomUUID() });
      }
      return { erasedRecords };
    });
  }
}
