/** A parsed command line: the command and its `--name value` options (`--flag` alone is "true"). */
export interface CliArguments {
  command: string | undefined;
  options: Map<string, string>;
}

/** Parses `command --name value --flag` style arguments. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index];
    if (!token.startsWith('--')) throw new CliUsageError(`Unexpected argument "${token}"; options look like --name value`);
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) {
      options.set(token.slice(2), 'true');
    } else {
      options.set(token.slice(2), next);
      index += 1;
    }
  }
  return { command, options };
}

/** The command line is wrong; the message says how. */
export class CliUsageError extends Error {}
