import { createServer, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { openTestDataSource, testConfig, testLogger } from '../../../../../test/support/platform';
import { freePort } from '../../../../../test/support/private-redis';
import { DomainError } from '../../errors/domain/domain-error';
import { buildDataSourceOptions } from '../../database/infrastructure/data-source-options';
import { startHint } from '../../process/infrastructure/run-process';
import { isDependencyOutage } from './dependency-outage';
import { PLATFORM_ERROR_STATUS, toProblemDetails } from './problem-details';

// The errors a request meets when PostgreSQL or Redis goes away under it, produced for real (a backend
// terminated mid-session, a refused port, a server that cuts the connection), must answer 503, not 500.
describe('a dependency outage answers 503 SERVICE_UNAVAILABLE', () => {
  const logger = testLogger();
  const statusOf = (error: unknown) => toProblemDetails(error, PLATFORM_ERROR_STATUS, logger);

  async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
    try {
      await work();
    } catch (error) {
      return error;
    }
    throw new Error('expected the work to fail');
  }

  it('when PostgreSQL ends the session under a query (as an immediate restart does)', async () => {
    const dataSource = await openTestDataSource();
    try {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS "pid"');
      const admin = await openTestDataSource(testConfig(), 'admin');
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // pg_terminate_backend only signals: wait until the backend is gone. The driver has then reported the
      // ended session and TypeORM released the runner, so the query fails as a request's next query would.
      for (let waited = 0; waited < 100; waited += 1) {
        const [{ alive }] = await admin.query('SELECT count(*)::int AS "alive" FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (alive === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.destroy();
      const error = await failureOf(() => runner.query('SELECT 1'));
      await runner.release().catch(() => undefined);
      // The error itself in the comparison, so that a failure says which error was not recognised.
      expect({ error: String(error), outage: isDependencyOutage(error) }).toEqual({ error: String(error), outage: true });
      expect(statusOf(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await dataSource.destroy();
    }
  });

  it('when nothing listens where PostgreSQL should be', async () => {
    const port = await freePort();
    const config = testConfig({ DATABASE_PORT: String(port) });
    const error = await failureOf(() => new DataSource(buildDataSourceOptions(config, { entities: [] })).initialize());
    expect(statusOf(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('not when the database does not exist (a start stops at once, with the hint to migrate, instead of retrying)', async () => {
    const config = testConfig({ DATABASE_NAME: `${testConfig().database.name}_missing` });
    const error = await failureOf(() => new DataSource(buildDataSourceOptions(config, { entities: [] })).initialize());
    expect((error as { code?: string }).code).toBe('3D000');
    expect(isDependencyOutage(error)).toBe(false);
    expect(startHint(error)).toBe(' (Create it first: npm run migrate)');
    // A refused port, by contrast, is an outage that a start waits out, and has no hint.
    const port = await freePort();
    const refused = await failureOf(() =>
      new DataSource(buildDataSourceOptions(testConfig({ DATABASE_PORT: String(port) }), { entities: [] })).initialize(),
    );
    expect(isDependencyOutage(refused)).toBe(true);
    expect(startHint(refused)).toBe('');
  });

  it('when the connection is cut mid-conversation (a reset between the app and PostgreSQL)', async () => {
    const port = await freePort();
    const server: Server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    try {
      const config = testConfig({ DATABASE_PORT: String(port) });
      const error = await failureOf(() => new DataSource(buildDataSourceOptions(config, { entities: [] })).initialize());
      expect(statusOf(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('when a Redis command runs on a connection that is gone', async () => {
    const redis = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    const error = await failureOf(() => redis.ping());
    redis.disconnect();
    expect(statusOf(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('still answers 500 for a query that is wrong, and for an unmapped domain code', async () => {
    const dataSource = await openTestDataSource();
    try {
      const error = await failureOf(() => dataSource.query('SELECT * FROM "no_such_table"'));
      expect(isDependencyOutage(error)).toBe(false);
      expect(statusOf(error)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    } finally {
      await dataSource.destroy();
    }
    const unmapped = new DomainError('NOT_A_CODE' as never, 'unmapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
    expect(statusOf(unmapped)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
