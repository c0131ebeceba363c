import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireIndividual, withTransaction } from '@infobank/platform';
import { WithdrawFromTransfersUseCase } from '@infobank/provision';
import { RemoveLinkAndEraseUseCase, type ErasedData } from '@infobank/vault';
import { DataSource } from 'typeorm';
import { ONLY_INDIVIDUALS_ERASE, stoppingDelivery } from './erasure-actors';

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
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS_ERASE);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const erased = await this.removeLinkAndErase.execute(withTransaction(ctx, manager), command);
      if (erased.erasedRecords > 0) {
        await this.withdraw.execute(stoppingDelivery(ctx, manager, 'erasure'), { individualIds: [individualId], reason: 'erased' });
      }
      return erased;
    });
  }
}
