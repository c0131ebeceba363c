import { join } from 'node:path';
import type { AdminCommand } from './admin-command';
import { BOARD_COMMANDS } from './board.commands';
import { migrateCommand, revertCommand, rolesCommand } from './database.commands';
import {
  ensureKeysCommand,
  generateKeysCommand,
  kekDestroyCommand,
  kekRotateCommand,
  kekStatusCommand,
  rotateKeysCommand,
} from './keys.commands';
import { EVIDENCE_COMMANDS } from './evidence.commands';
import { INCIDENT_COMMANDS } from './incident.commands';
import { LOG_COMMANDS } from './log.commands';
import { ORGANISATION_COMMANDS } from './organisation.commands';
import { platformStartCommand } from './platform-start.command';
import { SEED_DEMO_COMMAND } from './seed-demo.command';
import { TERMS_COMMANDS } from './terms.commands';
import { STAFF_COMMANDS } from './staff.commands';

const PLATFORM_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'db:roles',
    usage: 'as DATABASE_ADMIN_USER (a superuser): create the owner and runtime roles and the database where missing',
    options: [],
    run: (config) => rolesCommand(config),
  },
  {
    name: 'db:migrate',
    usage: 'as the owner role: apply pending migrations (under a lock); in development first what db:roles does',
    options: [],
    run: (config) => migrateCommand(config),
  },
  { name: 'db:revert', usage: 'revert the most recent migration', options: [], run: (config) => revertCommand(config) },
  {
    name: 'keys:ensure',
    usage: 'generate development key material where missing (never in production)',
    options: [],
    run: (config) => ensureKeysCommand(config),
  },
  {
    name: 'keys:generate',
    usage: '--out DIR: write fresh key material into a new directory (for production secrets)',
    options: ['out'],
    run: (_config, options) => generateKeysCommand(options.required('out')),
  },
  {
    name: 'keys:rotate',
    usage: 'add a new bank signing key and make it current; old keys keep verifying',
    options: [],
    run: (config) => rotateKeysCommand(config),
  },
  {
    name: 'keys:kek-status',
    usage: 'KEK generations: state, key file, live data keys under each, when each may be destroyed, re-wrap progress',
    options: [],
    run: (config) => kekStatusCommand(config),
  },
  {
    name: 'keys:kek-rotate',
    usage: '[--resume]: make a new KEK generation now and re-wrap every live data key under it (--resume: only finish the re-wrap)',
    options: ['resume'],
    run: (config, options) => kekRotateCommand(config, options.flag('resume')),
  },
  {
    name: 'keys:kek-destroy',
    usage: '--generation N: erase a KEK generation no live data key uses, once BACKUP_RETENTION_DAYS have passed since its drain',
    options: ['generation'],
    fields: { '/generation': 'generation' },
    run: (config, options) => kekDestroyCommand(config, options.required('generation')),
  },
  {
    name: 'platform:start',
    usage: 'first-run setup and demo data, then run the four apps and the worker (what npm start does)',
    options: [],
    // dist/apps/admin/src/commands/index.js → dist/
    run: (config) => platformStartCommand(config, join(__dirname, '..', '..', '..', '..')),
  },
];

/** Every operator command, in the order the usage text lists them. */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  ...PLATFORM_COMMANDS,
  SEED_DEMO_COMMAND,
  ...ORGANISATION_COMMANDS,
  ...BOARD_COMMANDS,
  ...TERMS_COMMANDS,
  ...STAFF_COMMANDS,
  ...LOG_COMMANDS,
  ...INCIDENT_COMMANDS,
  ...EVIDENCE_COMMANDS,
];
