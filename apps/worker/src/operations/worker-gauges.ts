import type { INestApplicationContext } from '@nestjs/common';
import { MetricsRegistry } from '@infobank/platform';
import { DataSource } from 'typeorm';

/**
 * The gauges only a worker reports, refreshed before each scrape of its /metrics: how far the
 * transparency log's sealing lags (age of the oldest unsealed leaf) and how many withdrawal notices
 * are overdue. Two indexed reads of counts; no personal data.
 */
export async function collectWorkerGauges(app: INestApplicationContext): Promise<void> {
  const metrics = app.get(MetricsRegistry);
  const dataSource = app.get(DataSource);
  const [seal, notices] = await Promise.all([
    dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min("appended_at")), 0)::float8 AS lag
         FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL`,
    ) as Promise<{ lag: number }[]>,
    dataSource.query(`SELECT count(*)::int AS overdue FROM "withdrawal_notices" WHERE "status" = 'overdue'`) as Promise<
      { overdue: number }[]
    >,
  ]);
  metrics.sealLag.set(seal[0].lag);
  metrics.noticesOverdue.set(notices[0].overdue);
}
