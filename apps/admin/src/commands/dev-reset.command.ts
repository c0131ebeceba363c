import type { AppConfig } from '@infobank/platform';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandRefusedError } from '../cli-arguments';
import type { AdminCommand } from './admin-command';

/** What `dev:reset` removed. */
export interface DevResetReport {
  database: string;
  dropped: boolean;
  removedDirectories: string[];
  clearedQueues: number;
}

// Where development keeps its files (the defaults of BANK_KEYS_DIR, DEMO_DATA_DIR and MAIL_DIR are inside it).
const DATA_DIRECTORY = '.data';

/**
 * `dev:reset`: drops the development database, empties this installation's queues in Redis and deletes
 * `.data/` (bank keys, demo keys and passwords, mail), so the next `npm start` begins afresh. Never in
 * production.
 */
export async function devResetCommand(config: AppConfig): Promise<DevResetReport> {
  if (config.environment === 'production') {
    throw new CommandRefusedError(
      'DEV_RESET_REFUSED',
      'dev:reset refuses to run with NODE_ENV=production: it deletes every piece of data.',
    );
  }
  const name = config.database.name;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new CommandRefusedError('DEV_RESET_REFUSED', `DATABASE_NAME "${name}" is not a plain identifier`);
  const { buildDataSourceOptions, QUEUE_NAMES, QueueRegistry } = await import('@infobank/platform');
  const { DataSource } = await import('typeorm');
  const maintenance = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-admin', database: 'postgres', credentials: 'admin' }),
  ).initialize();
  let dropped: boolean;
  try {
    dropped = (await maintenance.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
    // FORCE ends the sessions of apps still running against it (PostgreSQL 13 and later).
    if (dropped) await maintenance.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  } finally {
    await maintenance.destroy();
  }
  const queues = new QueueRegistry(config);
  try {
    for (const queue of queues.all()) await queue.obliterate({ force: true });
  } finally {
    await queues.close();
  }
  const removedDirectories = [resolve(DATA_DIRECTORY)];
  for (const directory of removedDirectories) rmSync(directory, { recursive: true, force: true });
  return { database: name, dropped, removedDirectories, clearedQueues: QUEUE_NAMES.length };
}

export const DEV_RESET_COMMAND: AdminCommand = {
  name: 'dev:reset',
  usage:
    'development only: drop the database, empty the queues and delete .data/ (bank keys, demo keys and passwords, mail); asks first, or --yes. Then npm start sets everything up again',
  options: [],
  examples: ['dev:reset', 'dev:reset --yes && npm start'],
  confirm: (config) =>
    `This deletes database "${config.database.name}", this installation's queues in Redis and ${resolve(DATA_DIRECTORY)}. Demo data, bank keys and mail are gone for good.`,
  run: (config) => devResetCommand(config),
};
