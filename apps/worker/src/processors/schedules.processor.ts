import { Injectable } from '@nestjs/common';
import {
  ENSURE_LEDGER_PARTITIONS_JOB,
  ensureLedgerPartitions,
  HandlesJob,
  JobContext,
  JobHandler,
  PRUNE_OUTBOX_JOB,
} from '@infobank/platform';

const RETENTION_DAYS = 7;

/** Deletes outbox rows completed over a week ago; their effects live in the tables they changed. */
@Injectable()
@HandlesJob(PRUNE_OUTBOX_JOB)
export class PruneOutboxProcessor implements JobHandler {
  async handle(_payload: unknown, context: JobContext): Promise<void> {
    await context.transaction.query(`DELETE FROM "outbox" WHERE "completed_at" < now() - make_interval(days => $1)`, [RETENTION_DAYS]);
  }
}

/** Makes the ledgers' monthly partitions ahead of time, so that no provision or leaf lands in the DEFAULT partition. */
@Injectable()
@HandlesJob(ENSURE_LEDGER_PARTITIONS_JOB)
export class EnsureLedgerPartitionsProcessor implements JobHandler {
  async handle(_payload: unknown, context: JobContext): Promise<void> {
    await ensureLedgerPartitions(context.transaction, { now: new Date() });
  }
}
