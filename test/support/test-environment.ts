import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Connection settings of the machine's services, overridable like the apps' own. `user` is the
 * superuser that creates and drops databases and roles (DATABASE_ADMIN_USER); the apps under test
 * connect as the runtime role and migrations run as the owner role (see global-setup).
 */
export const services = {
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_ADMIN_USER ?? 'postgres',
  password: process.env.DATABASE_ADMIN_PASSWORD ?? '',
  /** The owner role: every test database belongs to it, and migrations run as it. */
  ownerRole: process.env.DATABASE_MIGRATION_USER ?? 'infobank_owner',
  redisHost: process.env.REDIS_HOST ?? '127.0.0.1',
  redisPort: Number(process.env.REDIS_PORT ?? 6379),
};

/** A fresh name for a test database or Redis prefix, so that concurrent runs never collide. */
export function uniqueTestName(kind = 'infobank_test'): string {
  return `${kind}_${randomBytes(5).toString('hex')}`;
}

/** A connected superuser client, on the maintenance database `postgres` unless told another. */
export async function maintenanceClient(database = 'postgres'): Promise<Client> {
  const client = new Client({
    host: services.host,
    port: services.port,
    user: services.user,
    password: services.password,
    database,
  });
  await client.connect();
  return client;
}

/** Creates a database owned by the owner role, empty or as a copy of a template nobody is connected to. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  const client = await maintenanceClient();
  try {
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''} OWNER "${services.ownerRole}"`);
  } finally {
    await client.end();
  }
}

/** Drops a database even if connections are still open. */
export async function dropDatabase(name: string): Promise<void> {
  const client = await maintenanceClient();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A private directory for this run's generated development keys. */
export function createKeysDirectory(): string {
  return join(mkdtempSync(join(tmpdir(), 'infobank-test-')), 'keys');
}

/** Drops this run's databases: the main one, the template and every isolated copy. */
export async function dropDatabasesStartingWith(prefix: string): Promise<void> {
  const client = await maintenanceClient();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
