import { Injectable } from '@nestjs/common';
import { inTransaction, requireBankActor, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';

/** Ids per statement: the arrays stay bounded however many consents a cause ends. */
const CHUNK = 5_000;

/**
 * A consent ended or a stop-use order stopped an offer: its ask-mode requests still waiting for the
 * individual become `cancelled` (decided now), so nobody can approve data out under them any more. A
 * request already answered is left as it is. System and operator callers only (the worker). Returns the
 * ids it cancelled.
 */
@Injectable()
export class CancelPendingApprovalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: { consentIds?: string[]; offerIds?: string[] }, now: Date = new Date()): Promise<string[]> {
    requireBankActor(ctx, { detail: 'Only the bank cancels approval requests.' });
    const consentIds = command.consentIds ?? [];
    const offerIds = command.offerIds ?? [];
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const cancelled: string[] = [];
      for (const [column, ids] of [
        ['consent_id', consentIds],
        ['offer_id', offerIds],
      ] as const) {
        for (let start = 0; start < ids.length; start += CHUNK) {
          const rows: { id: string }[] = await manager.query(
            // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
            `WITH "cancelled" AS (
               UPDATE "approval_requests" SET "status" = 'cancelled', "decided_at" = $2
                WHERE "${column}" = ANY($1::uuid[]) AND "status" = 'pending'
                RETURNING "id"
             ) SELECT "id" FROM "cancelled"`,
            [ids.slice(start, start + CHUNK), now],
          );
          cancelled.push(...rows.map((row) => row.id));
        }
      }
      return cancelled;
    });
  }
}
