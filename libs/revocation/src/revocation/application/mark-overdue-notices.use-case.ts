import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';

/** Most notices one run marks overdue; the schedule comes back a minute later for the rest. */
export const OVERDUE_BATCH_SIZE = 1_000;

/** Open notices past their due time become overdue (escalated to the board); returns how many. */
@Injectable()
export class MarkOverdueNoticesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, now: Date = new Date()): Promise<number> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      // SKIP LOCKED: a notice being attested right now is left to its attestation.
      const [{ marked }]: Array<{ marked: number }> = await manager.query(
        `WITH marked AS (
           UPDATE withdrawal_notices SET status = 'overdue', overdue_at = $1
            WHERE id IN (
              SELECT id FROM withdrawal_notices
               WHERE status = 'open' AND due_at <= $1
               ORDER BY due_at, id
               LIMIT $2
               FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT count(*)::int AS marked FROM marked`,
        [now, OVERDUE_BATCH_SIZE],
      );
      return marked;
    });
  }
}
