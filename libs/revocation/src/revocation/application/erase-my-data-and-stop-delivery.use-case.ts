import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { WithdrawFromTransfersUseCase } from '@infobank/provision';
import { EraseMyDataWithoutStoppingDelivery, type EraseQueryInput, type ErasedData } from '@infobank/vault';
import { stoppingDelivery, ONLY_INDIVIDUALS_ERASE } from './erasure-actors';

/**
 * `DELETE /v1/me/data`: the vault erases the individual's records (its EraseMyDataUseCase) and, in the same
 * transaction, if anything was erased, every transfer still in flight stops for them: their subjects
 * pending, awaiting approval or in a downloadable part are denied `erased`, and each such part becomes
 * stale (its next download is PACKAGE_STALE; it is rebuilt without them). So no erased record is provided
 * once the erasure commits, whether or not the worker has run. The worker's `data.erased` job then only
 * issues the notices to recipients that already received the data.
 */
@Injectable()
export class EraseMyDataAndStopDeliveryUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly erase: EraseMyDataWithoutStoppingDelivery,
    private readonly withdraw: WithdrawFromTransfersUseCase,
  ) {}

  async execute(ctx: RequestContext, query: EraseQueryInput): Promise<ErasedData> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS_ERASE);
    return this.transactions.run(ctx, async (tx) => {
      // Vault rows first, then transfers: nothing that holds a transfer lock waits for a vault row lock.
      const erased = await this.erase.execute(tx, query);
      if (erased.erasedRecords > 0) {
        await this.withdraw.execute(stoppingDelivery(tx, 'erasure'), { individualIds: [individualId], reason: 'erased' });
      }
      return erased;
    });
  }
}
