import { join } from 'node:path';
import type { AdminCommand } from './admin-command';
import { BOARD_COMMANDS } from './board.commands';
import { DATABASE_COMMANDS } from './database.commands';
import { DEV_RESET_COMMAND } from './dev-reset.command';
import { EVIDENCE_COMMANDS } from './evidence.commands';
import { INCIDENT_COMMANDS } from './incident.commands';
import { JOB_COMMANDS } from './jobs.commands';
import { KEY_COMMANDS } from './keys.commands';
import { LOG_COMMANDS } from './log.commands';
import { ORGANISATION_COMMANDS } from './organisation.commands';
import { platformStartCommand } from './platform-start.command';
import { SEED_DEMO_COMMAND } from './seed-demo.command';
import { TERMS_COMMANDS } from './terms.commands';
import { STAFF_COMMANDS } from './staff.commands';

const PLATFORM_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'platform:start',
    usage: 'first-run setup (database, keys, migrations) and demo data, then run the four apps and the worker (what npm start does)',
    options: [],
    // dist/apps/admin/src/commands/index.js → dist/
    run: (config) => platformStartCommand(config, join(__dirname, '..', '..', '..', '..')),
  },
];

/** Every operator command, in the order `--help` lists them (grouped by their name's prefix). */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  ...PLATFORM_COMMANDS,
  SEED_DEMO_COMMAND,
  DEV_RESET_COMMAND,
  ...DATABASE_COMMANDS,
  ...KEY_COMMANDS,
  ...ORGANISATION_COMMANDS,
  ...BOARD_COMMANDS,
  ...TERMS_COMMANDS,
  ...STAFF_COMMANDS,
  ...LOG_COMMANDS,
  ...INCIDENT_COMMANDS,
  ...EVIDENCE_COMMANDS,
  ...JOB_COMMANDS,
];
