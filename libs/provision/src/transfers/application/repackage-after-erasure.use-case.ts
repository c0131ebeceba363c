import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext, requireBankActor } from '@infobank/platform';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { stopWork } from '../domain/transfer-lifecycle';
import { TransferRepository } from '../infrastructure/transfer.repository';

/**
 * After an individual erased deposited data: every downloadable part that holds them becomes stale and is
 * built again, so records erased after a part was built never leave the bank (the rebuild reads the vault
 * afresh; with nothing left in range the individual is denied `out_of_range`). Their consent is untouched.
 * Locks are taken in TransferRepository's lock order (transfers in id order, then parts). The bank's own
 * actors only. Per transfer: load (the ready parts holding them and those parts' subjects) → decide (`stopWork`
 * with no subject stopped: the parts become stale, their subjects pending) → save.
 */
@Injectable()
export class RepackageAfterErasureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string }): Promise<{ staleParts: number }> {
    requireBankActor(ctx, { code: 'UNAUTHENTICATED', detail: 'Only the bank repackages transfers.' });
    return this.transactions.run(ctx, async (tx) => {
      const now = tx.now();
      let staleParts = 0;
      for (const transferId of await this.transfers.transfersWithReadySubjectsOf(tx, command.individualId)) {
        const transfer = await this.transfers.lockTransfer(tx, transferId);
        if (transfer === null) continue;
        const parts = await this.transfers.lockParts(
          tx,
          transferId,
          await this.transfers.readyPartsOf(tx, transferId, command.individualId),
        );
        const partSubjects = await this.transfers.subjectsInParts(
          tx,
          parts.map((part) => ({ transferId, part: part.part })),
          ['ready'],
        );
        const stop = stopWork([], parts, partSubjects);
        if (stop.parts.length === 0) continue;
        await this.transfers.savePartChanges(
          tx,
          stop.parts.map((change) => ({ ...change, transferId })),
        );
        await this.transfers.saveSubjectChanges(
          tx,
          stop.subjects.map((change) => ({ ...change, transferId })),
          now,
        );
        staleParts += stop.parts.length;
        await enqueueJob(tx, BUILD_TRANSFER_JOB, { transferId });
        await this.transfers.settleStatus(tx, transfer, now);
      }
      return { staleParts };
    });
  }
}
