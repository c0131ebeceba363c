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
      // The lock order (docs/architecture.md §6): the transfers first, then the vault rows the erasure deletes.
      const { result } = await this.withdraw.around(
        stoppingDelivery(tx, 'erasure'),
        { individualIds: [individualId], reason: 'erased' },
        async () => {
          const erased = await this.erase.execute(tx, query);
          return { result: erased, withdraw: erased.erasedRecords > 0 };
        },
      );
      return result;
    });
  }
}
