import { DomainError, runProcess, type AppConfig } from '@infobank/platform';
import { createInterface } from 'node:readline/promises';
import { CliUsageError, CommandOptions, CommandRefusedError, parseCommandArguments } from './cli-arguments';
import { commandHelp, overviewHelp } from './cli-help';
import { declaredOptions, optionForPath, type AdminCommand } from './commands/admin-command';
import { ADMIN_COMMANDS } from './commands';

const HELP_FLAGS = ['--help', '-h'];

/** A refused command: JSON on stderr naming the code, and each problem with the option it came from. */
function reportDomainError(command: AdminCommand, error: DomainError): void {
  const errors = error.errors.map((problem) => ({ option: optionForPath(command, problem.path), ...problem }));
  const report = { error: { code: error.code, message: error.message, ...(errors.length > 0 ? { errors } : {}) } };
  process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = 1;
}

function usageFailure(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

/** Commands whose name is close to what was typed (same prefix, or containing it). */
function suggestionsFor(typed: string): string {
  const prefix = typed.split(':')[0];
  const close = ADMIN_COMMANDS.filter((command) => command.name.startsWith(`${prefix}:`) || command.name.includes(typed));
  return close.length === 0 ? '' : ` Did you mean: ${close.map((command) => command.name).join(', ')}?`;
}

/**
 * Asks before a destructive command, on the terminal. Without one (a script, a pipe) it refuses unless
 * `--yes` was given: a command that destroys data never runs on a guess.
 */
async function confirmed(command: AdminCommand, config: AppConfig, options: CommandOptions): Promise<boolean> {
  if (command.confirm === undefined || options.flag('yes')) return true;
  const what = command.confirm(config, options);
  if (!process.stdin.isTTY) {
    usageFailure(`${command.name}: ${what}\nRefusing without a terminal to ask on; add --yes to do it anyway. Nothing was changed.`);
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${what}\nType "yes" to continue: `);
    if (answer.trim().toLowerCase() === 'yes') return true;
    process.stderr.write('Cancelled. Nothing was changed.\n');
    process.exitCode = 1;
    return false;
  } finally {
    prompt.close();
  }
}

function printResult(command: AdminCommand, options: CommandOptions, result: unknown): void {
  if (result === undefined) return;
  const table = command.render !== undefined && !options.flag('json');
  process.stdout.write(table ? `${(command.render as (value: unknown) => string)(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
}

async function runCommand(config: AppConfig, command: AdminCommand, options: CommandOptions): Promise<void> {
  try {
    if (!(await confirmed(command, config, options))) return;
    printResult(command, options, await command.run(config, options));
  } catch (error) {
    if (error instanceof CliUsageError) {
      usageFailure(`${error.message}\n\nSee: npm run admin -- ${command.name} --help`);
    } else if (error instanceof DomainError) {
      reportDomainError(command, error);
    } else if (error instanceof CommandRefusedError) {
      process.stderr.write(`${JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2)}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}

/** Reads the command line; help and usage errors need no configuration, database or Redis. */
function main(argv: readonly string[]): void {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.includes(name) || name === 'help') {
    const asked = name === 'help' && rest[0] !== undefined ? ADMIN_COMMANDS.find((command) => command.name === rest[0]) : undefined;
    process.stdout.write(asked ? commandHelp(asked) : overviewHelp(ADMIN_COMMANDS));
    return;
  }
  const command = ADMIN_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    usageFailure(`Unknown command "${name}".${suggestionsFor(name)}\nSee the list: npm run admin -- --help`);
    return;
  }
  if (rest.some((token) => HELP_FLAGS.includes(token))) {
    process.stdout.write(commandHelp(command));
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
  void runProcess('admin', (config) => runCommand(config, command, options));
}

main(process.argv.slice(2));
