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
import { TERMS_COMMANDS } from './terms.commands';
import { STAFF_COMMANDS } from './staff.commands';

// A command's `run` imports the libraries (and the larger work of this folder: platform start-up, the demo
// data) when it runs, so that the command list, help and usage errors load none of them.
const PLATFORM_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'platform:start',
    usage: 'first-run setup (database, keys, migrations) and demo data, then run the four apps and the worker (what npm start does)',
    options: [],
    // dist/apps/admin/src/commands/index.js → dist/
    run: async (config) => {
      const { platformStartCommand } = await import('./platform-start.command');
      return platformStartCommand(config, join(__dirname, '..', '..', '..', '..'));
    },
  },
];

const SEED_DEMO_COMMAND: AdminCommand = {
  name: 'seed:demo',
  usage:
    'demo organisations with keys, board members, individuals linked to the demo providers with deposited records, and approved offers; sign-in details in DEMO_DATA_DIR/credentials.json (safe to run again)',
  options: [],
  run: async (config) => (await import('./seed-demo.command')).seedDemo(config),
};

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
