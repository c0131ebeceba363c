import { Injectable } from '@nestjs/common';
import { enqueueJob, inTransaction, type RequestContext, requireBankActor } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { TransferRepository } from '../infrastructure/transfer.repository';

/**
 * After an individual erased deposited data: every downloadable part that holds them becomes stale and is
 * built again, so records erased after a part was built never leave the bank (the rebuild reads the vault
 * afresh; with nothing left in range the individual is denied `out_of_range`). Their consent is untouched.
 * Locks are taken in TransferRepository's lock order (transfers in id order). The bank's own actors only.
 */
@Injectable()
export class RepackageAfterErasureUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string }, now: Date = new Date()): Promise<{ staleParts: number }> {
    requireBankActor(ctx, { code: 'UNAUTHENTICATED', detail: 'Only the bank repackages transfers.' });
    return inTransaction(ctx, this.dataSource, async (manager) => {
      let staleParts = 0;
      for (const transferId of await this.transfers.transfersWithReadySubjectsOf(manager, command.individualId)) {
        const transfer = await this.transfers.lockTransfer(manager, transferId);
        if (transfer === null) continue;
        const parts = await this.transfers.readyPartsOf(manager, transferId, command.individualId);
        const changed = await this.transfers.makePartsStale(manager, transferId, parts, now);
        if (changed === 0) continue;
        staleParts += changed;
        await enqueueJob({ ...ctx, transaction: manager }, BUILD_TRANSFER_JOB, { transferId });
        await this.transfers.settleStatus(manager, transfer, now);
      }
      return { staleParts };
    });
  }
}
