import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { JobContract } from '../../queue/infrastructure/job-contract';
import { jobOptionsFor, QueueRegistry } from '../../queue/infrastructure/queue-registry';
import type { QueueName } from '../../queue/infrastructure/queue-names';

interface OutboxRow {
  id: string;
  queue: QueueName;
  job_name: string;
}

/**
 * Moves committed outbox rows to BullMQ (jobId = row id, so a repeated add is a no-op) and puts back
 * any dispatched-but-unfinished row whose job Redis no longer has. Postgres stays the system of record:
 * a job carries the row id only (empty data), and the worker reads the payload from the row.
 */
export class OutboxRelay {
  private readonly contracts: ReadonlyMap<string, JobContract<unknown>>;

  /** `contracts` supply per-job retry policies; a job whose contract is not given gets the defaults. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly logger: Logger,
    private readonly settings: { batchSize: number; reconcileGraceMs: number },
    contracts: readonly JobContract<unknown>[] = [],
  ) {
    this.contracts = new Map(contracts.map((contract) => [contract.name, contract]));
  }

  /** Claims up to one batch of due rows (other relays skip them), enqueues them, marks them dispatched. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT "id", "queue", "job_name" FROM "outbox"
          WHERE "dispatched_at" IS NULL AND "available_at" <= now()
          ORDER BY "available_at" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      if (rows.length === 0) return 0;
      // If Redis fails here the transaction rolls back and the rows stay pending for the next pass.
      await this.addJobs(rows);
      await manager.query(`UPDATE "outbox" SET "dispatched_at" = now(), "attempts" = "attempts" + 1 WHERE "id" = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /**
   * Re-enqueues rows dispatched over the grace period ago, not completed, and missing from Redis. Rows a
   * handler holds locked right now are skipped: that delivery is still running and will complete them.
   */
  async reconcileOnce(limit = 1_000): Promise<number> {
    const missing = await this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT "id", "queue", "job_name" FROM "outbox"
          WHERE "dispatched_at" IS NOT NULL AND "completed_at" IS NULL
            AND "dispatched_at" < now() - make_interval(secs => $1::double precision / 1000)
          ORDER BY "dispatched_at" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.settings.reconcileGraceMs, limit],
      );
      const lost: OutboxRow[] = [];
      for (const row of rows) {
        if (!(await this.queues.get(row.queue).getJob(row.id))) lost.push(row);
      }
      if (lost.length === 0) return lost;
      await this.addJobs(lost);
      await manager.query(`UPDATE "outbox" SET "attempts" = "attempts" + 1 WHERE "id" = ANY($1::uuid[])`, [lost.map((row) => row.id)]);
      return lost;
    });
    if (missing.length > 0) this.logger.warn({ count: missing.length }, 'outbox: re-enqueued jobs missing from redis');
    return missing.length;
  }

  private async addJobs(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<QueueName, OutboxRow[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    for (const [queue, queueRows] of byQueue) {
      await this.queues.get(queue).addBulk(
        queueRows.map((row) => ({
          name: row.job_name,
          data: {},
          opts: { ...jobOptionsFor(this.contracts.get(row.job_name)), jobId: row.id },
        })),
      );
    }
  }
}
