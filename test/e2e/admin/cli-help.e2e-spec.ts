import { optionSpecs } from '../../../apps/admin/src/cli-arguments';
import { commandHelp, groupOf } from '../../../apps/admin/src/cli-help';
import { declaredOptions, type AdminCommand } from '../../../apps/admin/src/commands/admin-command';
import { ADMIN_COMMANDS } from '../../../apps/admin/src/commands';
import { join } from 'node:path';
import { runAdmin, runAdminEach } from '../../support/admin-cli';

// Help and usage errors are answered before any configuration is used: an unreachable database changes nothing.
const NO_DATABASE = { DATABASE_HOST: '127.0.0.1', DATABASE_PORT: '1' };
const LOADED_MODULES = join(__dirname, '..', '..', 'support', 'loaded-modules.js');

jest.setTimeout(240_000);

describe('operator CLI: help and the command line (npm run admin -- --help)', () => {
  it('--help lists every registered command under its group, and needs no database', async () => {
    const help = await runAdmin(['--help'], NO_DATABASE);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run admin -- <command> [options]');
    for (const command of ADMIN_COMMANDS) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command.name} `, 'm'));
      // Listed under its group's heading: the nearest heading above its line.
      const before = help.stdout.slice(0, help.stdout.indexOf(`  ${command.name} `));
      const headings = before.split('\n').filter((line) => line.length > 0 && !line.startsWith(' '));
      expect(headings.at(-1)).toBe(groupOf(command));
    }
  });

  // What `<command> --help` prints, checked for every registered command: the usage, every option the
  // command declares (with the ones the CLI adds) with whether it is required, its type and default, and an example.
  const expectCompleteHelp = (command: AdminCommand, help: string): void => {
    expect(help.startsWith(`Usage: npm run admin -- ${command.name}`)).toBe(true);
    expect(help).toContain(command.usage.split(' ')[0]);
    expect(help).toMatch(new RegExp(`Examples?:\\n  npm run admin -- ${command.name}`));
    for (const spec of optionSpecs(declaredOptions(command))) {
      const line = help.split('\n').find((candidate) => new RegExp(`^  (\\S+, )?--${spec.name}\\b`).test(candidate));
      expect({ command: command.name, option: spec.name, listed: line !== undefined }).toEqual({
        command: command.name,
        option: spec.name,
        listed: true,
      });
      expect(line).toContain(spec.required ? '(required' : '(optional');
      expect(line).toMatch(/(text|switch)[,)]/);
      if (spec.default !== undefined) expect(line).toContain(`default: ${spec.default}`);
    }
  };

  it('<command> --help shows the usage, every declared option with its type and default, and an example, for every registered command', async () => {
    for (const command of ADMIN_COMMANDS) expectCompleteHelp(command, await commandHelp(command));
  });

  it('the built CLI answers <command> --help (and help <command>) with that text, one command of each group, without a database', async () => {
    const sample = [...new Map(ADMIN_COMMANDS.map((command) => [groupOf(command), command])).values()];
    const runs = await runAdminEach(sample, (command) => [command.name, '--help'], NO_DATABASE);
    for (const [index, command] of sample.entries()) {
      expect({ command: command.name, code: runs[index].code }).toEqual({ command: command.name, code: 0 });
      expect(runs[index].stdout).toBe(await commandHelp(command));
    }
    const asked = await runAdmin(['help', 'db:revert'], NO_DATABASE);
    expect(asked.stdout).toBe(await commandHelp(ADMIN_COMMANDS.find((command) => command.name === 'db:revert') as AdminCommand));
  });

  it('an unknown command, an unknown option or a missing required one is a usage error (exit 2) naming it, before any database is used', async () => {
    const unknownCommand = await runAdmin(['org:lst'], NO_DATABASE);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "org:lst"');
    expect(unknownCommand.stderr).toContain('org:list');

    const unknownOption = await runAdmin(['org:list', '--colour'], NO_DATABASE);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('org:list does not take --colour');
    expect(unknownOption.stderr).toContain('npm run admin -- org:list --help');

    const missing = await runAdmin(['org:show'], NO_DATABASE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('org:show needs --org <ID>');

    const valueForSwitch = await runAdmin(['org:list', '--json=yes'], NO_DATABASE);
    expect(valueForSwitch.code).toBe(2);
    expect(valueForSwitch.stderr).toContain('--json');

    const twice = await runAdmin(['org:show', '--org', 'a', '--org', 'b'], NO_DATABASE);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--org is given twice');
  });

  it('the command list, help and usage errors load no library, Nest, TypeORM or BullMQ; a command that runs does', async () => {
    const heavyLoaded = async (args: string[]): Promise<string[]> => {
      const run = await runAdmin(args, { ...NO_DATABASE, NODE_OPTIONS: `--require ${LOADED_MODULES}` });
      const loaded = run.stderr.slice(run.stderr.lastIndexOf('\nloaded modules:\n')).split('\n');
      expect(loaded.length).toBeGreaterThan(3);
      return loaded.filter((file) => /\/(dist\/libs|node_modules\/(@nestjs|typeorm|bullmq))\//.test(file));
    };
    for (const args of [['--help'], ['org:list', '--help'], ['help', 'db:revert'], ['org:lst'], ['org:show'], ['org:list', '--colour']]) {
      expect({ args, heavy: await heavyLoaded(args) }).toEqual({ args, heavy: [] });
    }
    // The same check sees them when a command runs (here it then fails to reach the database).
    expect(await heavyLoaded(['db:status'])).toEqual(expect.arrayContaining([expect.stringMatching(/\/dist\/libs\/platform\//)]));
  });
});
