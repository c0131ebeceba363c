import { CliUsageError, CommandOptions, parseCommandArguments, usageFailure } from './cli-arguments';
import { commandHelp, overviewHelp } from './cli-help';
import { declaredOptions } from './commands/admin-command';
import { ADMIN_COMMANDS } from './commands';

const HELP_FLAGS = ['--help', '-h'];

/** Commands whose name is close to what was typed (same prefix, or containing it). */
function suggestionsFor(typed: string): string {
  const prefix = typed.split(':')[0];
  const close = ADMIN_COMMANDS.filter((command) => command.name.startsWith(`${prefix}:`) || command.name.includes(typed));
  return close.length === 0 ? '' : ` Did you mean: ${close.map((command) => command.name).join(', ')}?`;
}

/**
 * Reads the command line; help and usage errors need no configuration, database or Redis, and are
 * answered from the commands' declarations alone: only a command that runs loads the platform and the
 * libraries (`run-command.ts`, and what its `run` imports).
 */
async function main(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.includes(name) || name === 'help') {
    const asked = name === 'help' && rest[0] !== undefined ? ADMIN_COMMANDS.find((command) => command.name === rest[0]) : undefined;
    process.stdout.write(asked ? await commandHelp(asked) : overviewHelp(ADMIN_COMMANDS));
    return;
  }
  const command = ADMIN_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    usageFailure(`Unknown command "${name}".${suggestionsFor(name)}\nSee the list: npm run admin -- --help`);
    return;
  }
  if (rest.some((token) => HELP_FLAGS.includes(token))) {
    process.stdout.write(await commandHelp(command));
    return;
  }
  let options: CommandOptions;
  try {
    const declared = declaredOptions(command);
    options = new CommandOptions(command.name, parseCommandArguments(command.name, rest, declared, command.argument), declared);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    usageFailure(`${error.message}\n\nSee: npm run admin -- ${command.name} --help`);
    return;
  }
  const { runCommand } = await import('./run-command');
  await runCommand(command, options);
}

void main(process.argv.slice(2));
