import { join } from 'node:path';
import { runProcess } from '@infobank/platform';
import { CliUsageError, parseCliArguments } from './cli-arguments';
import { migrateCommand, revertCommand } from './commands/database.commands';
import { ensureKeysCommand, generateKeysCommand, rotateKeysCommand } from './commands/keys.commands';
import { platformStartCommand } from './commands/platform-start.command';

const usage = `Infobank operator CLI: npm run admin -- <command> [options]

  db:migrate       create the database if missing and apply pending migrations (under a lock)
  db:revert        revert the most recent migration
  keys:ensure      generate development key material where missing (never in production)
  keys:generate    --out DIR: write fresh key material into a new directory (for production secrets)
  keys:rotate      add a new bank signing key and make it current; old keys keep verifying
  platform:start   first-run setup, then run the four apps and the worker (what npm start does)
`;

void runProcess('admin', async (config) => {
  let parsed;
  try {
    parsed = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const print = (result: unknown): void => void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  switch (parsed.command) {
    case 'db:migrate':
      return print(await migrateCommand(config));
    case 'db:revert':
      return print(await revertCommand(config));
    case 'keys:ensure':
      return print(await ensureKeysCommand(config));
    case 'keys:generate':
      return print(await generateKeysCommand(parsed.options.get('out')));
    case 'keys:rotate':
      return print(await rotateKeysCommand(config));
    case 'platform:start':
      // dist/apps/admin/src/main.js → dist/
      return platformStartCommand(config, join(__dirname, '..', '..', '..'));
    default:
      process.stderr.write(parsed.command ? `Unknown command "${parsed.command}".\n\n${usage}` : usage);
      process.exitCode = 2;
  }
});
