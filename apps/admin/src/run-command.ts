import { DomainError, runProcess, type AppConfig } from '@infobank/platform';
import { createInterface } from 'node:readline/promises';
import { CliUsageError, CommandOptions, CommandRefusedError, usageFailure } from './cli-arguments';
import { optionForPath, type AdminCommand } from './commands/admin-command';

/** A refused command: JSON on stderr naming the code, and each problem with the option it came from. */
function reportDomainError(command: AdminCommand, error: DomainError): void {
  const errors = error.errors.map((problem) => ({ option: optionForPath(command, problem.path), ...problem }));
  const report = { error: { code: error.code, message: error.message, ...(errors.length > 0 ? { errors } : {}) } };
  process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = 1;
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

async function runWithConfig(config: AppConfig, command: AdminCommand, options: CommandOptions): Promise<void> {
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

/**
 * Runs a parsed command line: reads the configuration, asks before a destructive command, prints the
 * result or the error. Loaded by `main.ts` only for a command that runs (it loads the platform).
 */
export function runCommand(command: AdminCommand, options: CommandOptions): Promise<void> {
  return runProcess('admin', (config) => runWithConfig(config, command, options));
}
