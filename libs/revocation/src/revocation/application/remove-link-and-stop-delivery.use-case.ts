import { Injectable } from '@nestjs/common';
import { inTransaction, withTransaction, type RequestContext } from '@infobank/platform';
import { WithdrawFromTransfersUseCase } from '@infobank/provision';
import { RemoveLinkAndEraseUseCase, type ErasedData } from '@infobank/vault';
import { DataSource } from 'typeorm';
import { erasingIndividualId, stoppingDelivery } from './erasure-actors';

/**
 * `DELETE /v1/me/links/:id?erase=true`: the vault removes the link and erases what its provider deposited
 * (RemoveLinkAndEraseUseCase) and, in the same transaction, if anything was erased, every transfer still in
 * flight stops for the individual (subjects denied `erased`, their downloadable parts stale and rebuilt
 * without them), as EraseMyDataAndStopDeliveryUseCase does.
 */
@Injectable()
export class RemoveLinkAndStopDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly removeLinkAndErase: RemoveLinkAndEraseUseCase,
    private readonly withdraw: WithdrawFromTransfersUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { linkId: string }): Promise<ErasedData> {
    const individualId = erasingIndividualId(ctx);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      // The lock order (docs/architecture.md §6): the transfers first, then the link and the vault rows.
      const { result } = await this.withdraw.around(
        stoppingDelivery(ctx, manager, 'erasure'),
        { individualIds: [individualId], reason: 'erased' },
        async () => {
          const erased = await this.removeLinkAndErase.execute(withTransaction(ctx, manager), command);
          return { result: erased, withdraw: erased.erasedRecords > 0 };
        },
      );
      return result;
    });
  }
}
