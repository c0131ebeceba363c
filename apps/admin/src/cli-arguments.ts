import { readFileSync } from 'node:fs';

/**
 * A parsed command line: the command, its `--name value` options (`--flag` alone is "true") and at
 * most one bare argument right after the command (`log:verify-proof FILE`).
 */
export interface CliArguments {
  command: string | undefined;
  options: Map<string, string>;
  argument?: string;
}

/** Parses `command [argument] --name value --flag` style arguments. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  const argument = rest[0] !== undefined && !rest[0].startsWith('--') ? rest.shift() : undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index];
    if (!token.startsWith('--')) throw new CliUsageError(`Unexpected argument "${token}"; options look like --name value`);
    const name = token.slice(2);
    if (options.has(name)) throw new CliUsageError(`--${name} is given twice`);
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) {
      options.set(name, 'true');
    } else {
      options.set(name, next);
      index += 1;
    }
  }
  return { command, options, argument };
}

/**
 * The options with the bare argument filled into the option the command names for it. A command
 * without one, or an option given both ways, is a usage error.
 */
export function withArgument(parsed: CliArguments, argumentOption: string | undefined): Map<string, string> {
  if (parsed.argument === undefined) return parsed.options;
  if (argumentOption === undefined) {
    throw new CliUsageError(`Unexpected argument "${parsed.argument}"; options look like --name value`);
  }
  if (parsed.options.has(argumentOption)) throw new CliUsageError(`--${argumentOption} is given twice`);
  return new Map([...parsed.options, [argumentOption, parsed.argument]]);
}

/** The command line is wrong; the message says how. */
export class CliUsageError extends Error {}

/** The options one command accepts, read with checks that name the option in every message. */
export class CommandOptions {
  constructor(
    private readonly command: string,
    private readonly options: Map<string, string>,
    accepted: readonly string[],
  ) {
    const unknown = [...options.keys()].filter((name) => !accepted.includes(name));
    if (unknown.length > 0) {
      const list = accepted.map((name) => `--${name}`).join(', ') || 'none';
      throw new CliUsageError(`${command} does not take ${unknown.map((name) => `--${name}`).join(', ')} (it takes: ${list})`);
    }
  }

  /** A value the command cannot run without. */
  required(name: string): string {
    const value = this.options.get(name);
    if (value === undefined || value === 'true') throw new CliUsageError(`${this.command} needs --${name} <value>`);
    return value;
  }

  /** A value that may be left out. */
  optional(name: string): string | undefined {
    if (!this.options.has(name)) return undefined;
    return this.required(name);
  }

  /** A switch: present means true. */
  flag(name: string): boolean {
    const value = this.options.get(name);
    if (value !== undefined && value !== 'true') throw new CliUsageError(`--${name} is a switch and takes no value (got "${value}")`);
    return value === 'true';
  }

  /** A comma-separated list (`--roles provider,recipient`). */
  list(name: string): string[] {
    return this.required(name)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** The JSON in the file an option names; the message never shows the file's content (it may hold keys). */
  jsonFile(name: string): unknown {
    const path = this.required(name);
    try {
      return JSON.parse(readTextFile(path, name)) as unknown;
    } catch (error) {
      if (error instanceof CliUsageError) throw error;
      throw new CliUsageError(`--${name}: ${path} does not hold valid JSON`);
    }
  }

  /** A text file's whole content (UTF-8), e.g. a terms text. */
  textFile(name: string): string {
    return readTextFile(this.required(name), name);
  }

  /** A secret kept in a file (a password): its first line, so a trailing newline does not count. */
  secretFile(name: string): string {
    return readTextFile(this.required(name), name).split(/\r?\n/)[0];
  }
}

function readTextFile(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliUsageError(`--${option}: cannot read ${path} (${reason})`);
  }
}
