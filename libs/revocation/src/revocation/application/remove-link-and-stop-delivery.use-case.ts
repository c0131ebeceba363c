import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { WithdrawFromTransfersUseCase } from '@infobank/provision';
import { RemoveLinkAndEraseWithoutStoppingDelivery, type ErasedData } from '@infobank/vault';
import { stoppingDelivery, ONLY_INDIVIDUALS_ERASE } from './erasure-actors';

/**
 * `DELETE /v1/me/links/:id?erase=true`: the vault removes the link and erases what its provider deposited
 * (its RemoveLinkAndEraseUseCase) and, in the same transaction, if anything was erased, every transfer still in
 * flight stops for the individual (subjects denied `erased`, their downloadable parts stale and rebuilt
 * without them), as EraseMyDataAndStopDeliveryUseCase does.
 */
@Injectable()
export class RemoveLinkAndStopDeliveryUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly removeLinkAndErase: RemoveLinkAndEraseWithoutStoppingDelivery,
    private readonly withdraw: WithdrawFromTransfersUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { linkId: string }): Promise<ErasedData> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS_ERASE);
    return this.transactions.run(ctx, async (tx) => {
      // The lock order (docs/architecture.md §6): the transfers first, then the link and the vault rows.
      const { result } = await this.withdraw.around(
        stoppingDelivery(tx, 'erasure'),
        { individualIds: [individualId], reason: 'erased' },
        async () => {
          const erased = await this.removeLinkAndErase.execute(tx, command);
          return { result: erased, withdraw: erased.erasedRecords > 0 };
        },
      );
      return result;
    });
  }
}
