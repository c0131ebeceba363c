import { DomainError, runProcess } from '@infobank/platform';
import { CliUsageError, CommandOptions, parseCliArguments, withArgument } from './cli-arguments';
import { optionForPath, type AdminCommand } from './commands/admin-command';
import { ADMIN_COMMANDS } from './commands';

function usage(): string {
  const lines = ADMIN_COMMANDS.map((command) => `  ${command.name.padEnd(17)}${command.usage}`);
  return `Infobank operator CLI: npm run admin -- <command> [options]\nEach prints JSON on success; errors go to stderr as JSON with a stable code.\n\n${lines.join('\n')}\n`;
}

/** A refused command: JSON on stderr naming the code, and each problem with the option it came from. */
function reportDomainError(command: AdminCommand, error: DomainError): void {
  const errors = error.errors.map((problem) => ({ option: optionForPath(command, problem.path), ...problem }));
  const report = { error: { code: error.code, message: error.message, ...(errors.length > 0 ? { errors } : {}) } };
  process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = 1;
}

void runProcess('admin', async (config) => {
  let parsed;
  try {
    parsed = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  const command = ADMIN_COMMANDS.find((candidate) => candidate.name === parsed.command);
  if (command === undefined) {
    process.stderr.write(parsed.command ? `Unknown command "${parsed.command}".\n\n${usage()}` : usage());
    process.exitCode = 2;
    return;
  }
  try {
    const options = new CommandOptions(command.name, withArgument(parsed, command.argument), command.options);
    const result = await command.run(config, options);
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\nUsage: npm run admin -- ${command.name} ${command.usage}\n`);
      process.exitCode = 2;
    } else if (error instanceof DomainError) {
      reportDomainError(command, error);
    } else {
      throw error;
    }
  }
});
