import { Injectable } from '@nestjs/common';
import { Transactions, withoutTransaction, type RequestContext } from '@infobank/platform';
import { changePart, changeSubject } from '../domain/transfer-lifecycle';
import { TransferRepository } from '../infrastructure/transfer.repository';

/** Transfers handled in one run; the schedule comes back for the rest. */
const BATCH = 200;

/**
 * Deletes the bytes of parts past their `expires_at` (the schedule `transfers.expire-parts`): an
 * undownloaded part becomes `expired` (its subjects too, which releases their fetch-limit reservation)
 * and leaves no provision record; a delivered part keeps its status and records. Returns how many parts.
 * Load (the parts due, their transfers locked first, and their subjects) → decide (`expire`, part by part
 * and subject by subject, by the lifecycle model) → save (one statement for the parts, one for the subjects).
 * Runs in a transaction of its own; the time is the context's.
 */
@Injectable()
export class ExpirePartsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext): Promise<number> {
    return this.transactions.runOwn(withoutTransaction(ctx), async (tx) => {
      const now = tx.now();
      // Busy transfers are skipped and wait for the next run.
      const parts = await this.transfers.lockExpiredParts(tx, now, BATCH);
      if (parts.length === 0) return 0;
      const partChanges = parts.flatMap((part) => {
        const change = changePart(part, { type: 'expire', now });
        return change === null ? [] : [{ ...change, transferId: part.transferId }];
      });
      const expired = partChanges.filter((change) => change.to.status === 'expired');
      const subjects = await this.transfers.subjectsInParts(tx, expired, ['ready', 'pending']);
      const subjectChanges = subjects.flatMap((subject) => {
        const change = changeSubject(subject, { type: 'expire' });
        return change === null ? [] : [{ ...change, transferId: subject.transferId }];
      });
      await this.transfers.savePartChanges(tx, partChanges);
      await this.transfers.saveSubjectChanges(tx, subjectChanges, now);
      for (const transferId of [...new Set(parts.map((part) => part.transferId))]) {
        const transfer = await this.transfers.lockTransfer(tx, transferId);
        if (transfer !== null) await this.transfers.settleStatus(tx, transfer, now);
      }
      return parts.length;
    });
  }
}
