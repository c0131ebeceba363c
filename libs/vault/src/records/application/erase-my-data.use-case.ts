import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { DATA_ERASED_JOB } from '../../vault.jobs';
import { IndividualRecordsQueries } from '../infrastructure/individual-records.queries';
import { parseEraseQuery, type EraseQueryInput } from './record-query';

/** How many records an erasure removed (with all their versions). */
export interface ErasedData {
  erasedRecords: number;
}

/**
 * Erases the signed-in individual's records of one provider, optionally of one category: the rows
 * and every earlier version of them are deleted. The individual's data key stays for their other
 * records (erasing everything for good, key included, is closing the account). A link that is still
 * active lets the provider deposit again afterwards; removing the link stops that. An erasure that removed
 * anything writes DATA_ERASED_JOB to the outbox in the same transaction.
 *
 * Apps call it through libs/revocation's EraseMyDataAndStopDeliveryUseCase, which also stops transfers in flight in the same transaction.
 */
@Injectable()
export class EraseMyDataUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly queries: IndividualRecordsQueries,
  ) {}

  async execute(ctx: RequestContext, query: EraseQueryInput): Promise<ErasedData> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    const filter = parseEraseQuery(query);
    const erasedRecords = await this.transactions.run(ctx, async (tx) => {
      const erased = await this.queries.erase(tx, individualId, filter);
      // Recipients that received this individual's data are told to delete it (notices, from the worker).
      if (erased > 0) await enqueueJob(tx, DATA_ERASED_JOB, { individualId, erasureId: randomUUID() });
      return erased;
    });
    return { erasedRecords };
  }
}
