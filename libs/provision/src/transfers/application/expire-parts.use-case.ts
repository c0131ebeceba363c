import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { refreshTransferStatus } from '../infrastructure/transfer-store';
import { TransferEntity } from '../infrastructure/transfer.entity';

/** Transfers handled in one run; the schedule comes back for the rest. */
const BATCH = 200;

/**
 * Deletes the bytes of parts past their `expires_at` (the schedule `transfers.expire-parts`): an
 * undownloaded part becomes `expired` (its subjects too, which releases their fetch-limit reservation)
 * and leaves no provision record; a delivered part keeps its status and records. Returns how many parts.
 */
@Injectable()
export class ExpirePartsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(_ctx: RequestContext, now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Transfers before their parts, as downloads, builders and withdrawals lock them (no deadlock); busy ones wait for the next run.
      const locked: { id: string }[] = await manager.query(
        `SELECT "id" FROM "transfers" WHERE "id" IN (
           SELECT DISTINCT "transfer_id" FROM "transfer_parts" WHERE "package" IS NOT NULL AND "expires_at" <= $1 LIMIT ${BATCH})
         ORDER BY "id" FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const parts: { transfer_id: string; part: number; status: string }[] = await manager.query(
        `SELECT "transfer_id", "part", "status" FROM "transfer_parts"
          WHERE "transfer_id" = ANY($2::uuid[]) AND "package" IS NOT NULL AND "expires_at" <= $1 ORDER BY "transfer_id", "part" FOR UPDATE`,
        [now, locked.map((row) => row.id)],
      );
      if (parts.length === 0) return 0;
      const transfers = [...new Set(parts.map((part) => part.transfer_id))];
      await manager.query(
        `UPDATE "transfer_parts" p SET "package" = NULL, "package_digest" = NULL,
                "status" = CASE WHEN p."status" = 'delivered' THEN 'delivered' ELSE 'expired' END
           FROM unnest($1::uuid[], $2::int[]) AS e("transfer_id", "part")
          WHERE p."transfer_id" = e."transfer_id" AND p."part" = e."part"`,
        [parts.map((part) => part.transfer_id), parts.map((part) => part.part)],
      );
      const undelivered = parts.filter((part) => part.status !== 'delivered');
      await manager.query(
        `UPDATE "transfer_subjects" s SET "status" = 'expired', "updated_at" = $3
           FROM unnest($1::uuid[], $2::int[]) AS e("transfer_id", "part")
          WHERE s."transfer_id" = e."transfer_id" AND s."part" = e."part" AND s."status" IN ('ready', 'pending')`,
        [undelivered.map((part) => part.transfer_id), undelivered.map((part) => part.part), now],
      );
      for (const transfer of await manager.find(TransferEntity, { where: transfers.map((id) => ({ id })) })) {
        await refreshTransferStatus(manager, transfer, now);
      }
      return parts.length;
    });
  }
}
