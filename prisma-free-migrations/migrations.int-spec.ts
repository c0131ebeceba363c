import { buildDataSourceOptions, migrateUnderLock, revertLastMigrationUnderLock } from '@infobank/platform';
import { DataSource } from 'typeorm';
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
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
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
