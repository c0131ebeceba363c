import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@infobank/auth';
import { enqueueJob, inTransaction, type RequestContext, isBankActor } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { lockTransfer, refreshTransferStatus } from '../infrastructure/transfer-store';
import { makePartsStale } from './withdraw-from-transfers.use-case';

/**
 * After an individual erased deposited data: every downloadable part that holds them becomes stale and is
 * built again, so records erased after a part was built never leave the bank (the rebuild reads the vault
 * afresh; with nothing left in range the individual is denied `out_of_range`). Their consent is untouched.
 * Transfers are locked in id order, as builders lock them. The bank's own actors only.
 */
@Injectable()
export class RepackageAfterErasureUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: { individualId: string }, now: Date = new Date()): Promise<{ staleParts: number }> {
    if (!isBankActor(ctx.actor)) {
      throw new UnauthenticatedError('Only the bank repackages transfers.');
    }
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const transfers: { transfer_id: string }[] = await manager.query(
        `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "individual_id" = $1 AND "status" = 'ready' ORDER BY "transfer_id"`,
        [command.individualId],
      );
      let staleParts = 0;
      for (const { transfer_id: transferId } of transfers) {
        const transfer = await lockTransfer(manager, transferId);
        if (transfer === null) continue;
        const parts: { part: number }[] = await manager.query(
          `SELECT DISTINCT "part" FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "individual_id" = $2 AND "status" = 'ready'`,
          [transferId, command.individualId],
        );
        const changed = await makePartsStale(
          manager,
          transferId,
          parts.map((row) => row.part),
          now,
        );
        if (changed === 0) continue;
        staleParts += changed;
        await enqueueJob({ ...ctx, transaction: manager }, BUILD_TRANSFER_JOB, { transferId });
        await refreshTransferStatus(manager, transfer, now);
      }
      return { staleParts };
    });
  }
}
