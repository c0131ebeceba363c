import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { TransferRepository } from '../infrastructure/transfer.repository';

/** Transfers handled in one run; the schedule comes back for the rest. */
const BATCH = 200;

/**
 * Deletes the bytes of parts past their `expires_at` (the schedule `transfers.expire-parts`): an
 * undownloaded part becomes `expired` (its subjects too, which releases their fetch-limit reservation)
 * and leaves no provision record; a delivered part keeps its status and records. Returns how many parts.
 */
@Injectable()
export class ExpirePartsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(_ctx: RequestContext, now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Busy transfers are skipped and wait for the next run.
      const parts = await this.transfers.lockExpiredParts(manager, now, BATCH);
      if (parts.length === 0) return 0;
      await this.transfers.expireParts(manager, parts, now);
      for (const transferId of [...new Set(parts.map((part) => part.transferId))]) {
        const transfer = await this.transfers.lockTransfer(manager, transferId);
        if (transfer !== null) await this.transfers.settleStatus(manager, transfer, now);
      }
      return parts.length;
    });
  }
}
