import { buildDataSourceOptions, migrateUnderLock, revertLastMigrationUnderLock } from '@infobank/platform';
import { DataSource, type QueryRunner } from 'typeorm';
import { testConfig } from '../test/support/platform';
import { createDatabase, dropDatabase } from '../test/support/test-environment';
import { MIGRATIONS, SCHEMA } from './index';

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** The SQL TypeORM would run to make the database match the entities: empty means no drift. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  // TypeORM's schema builder reads the catalogue with Promise.all over its one query runner (a table's columns'
  // types and enum labels, every table at once): node-postgres queues them on one connection with a deprecation
  // warning, and pg 9 refuses them. Here its runner takes one query at a time; the reads and their results are the same.
  const createQueryRunner = dataSource.createQueryRunner;
  dataSource.createQueryRunner = (...args) => oneQueryAtATime(createQueryRunner.apply(dataSource, args));
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    dataSource.createQueryRunner = createQueryRunner;
  }
}

/** The runner, its queries (also those its own methods send) run one after the other, in the order they were sent. */
function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

describe('migrations', () => {
  const name = `${process.env.DATABASE_NAME}_migrations`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await createDatabase(name);
    dataSource = await new DataSource(
      buildDataSourceOptions(testConfig({ DATABASE_NAME: name }), SCHEMA, { credentials: 'migration' }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(name);
  });

  it('run up, all the way down, and up again on a fresh database', async () => {
    const applied = await migrateUnderLock(dataSource);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
    const tablesAfterFirstUp = await tableNames(dataSource);
    expect(tablesAfterFirstUp.length).toBeGreaterThan(0);

    for (let step = 0; step < MIGRATIONS.length; step += 1) await revertLastMigrationUnderLock(dataSource);
    expect(await tableNames(dataSource)).toEqual([]);

    expect(await migrateUnderLock(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await tableNames(dataSource)).toEqual(tablesAfterFirstUp);
    expect(await migrateUnderLock(dataSource)).toEqual([]);
  });

  it('produce exactly the schema the entities describe (no pending schema change)', async () => {
    await migrateUnderLock(dataSource);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('serialise concurrent runs through the advisory lock', async () => {
    for (let step = 0; step < MIGRATIONS.length; step += 1) await revertLastMigrationUnderLock(dataSource);
    const second = await new DataSource(
      buildDataSourceOptions(testConfig({ DATABASE_NAME: name }), SCHEMA, { credentials: 'migration' }),
    ).initialize();
    try {
      const [first, other] = await Promise.all([migrateUnderLock(dataSource), migrateUnderLock(second)]);
      expect([...first, ...other].sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
    } finally {
      await second.destroy();
    }
  });
});
