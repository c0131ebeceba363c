import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * One option a command declares: its name (without `--`), whether it takes a value, and what help says
 * about it. A bare string (`'org'`) is an option taking a value, or given alone a switch, as the first
 * commands were written; declaring the option in full gives it a type, a description and a default in
 * `--help`, and lets the parser refuse a missing required option before anything runs.
 */
export interface OptionSpec {
  name: string;
  /** `string` takes a value (`--org ID`); `boolean` is a switch (`--yes`). Default `string`. */
  type?: 'string' | 'boolean';
  /** What help shows for the value (`ID`, `FILE`, `URL`). */
  valueName?: string;
  description?: string;
  /**
   * The description, when it needs a library (the platform's queue names): loaded only when help shows
   * the option, so that the command list, other help and usage errors load no library.
   */
  describe?: () => Promise<string>;
  /** The command cannot run without it: a missing one is a usage error (exit code 2). */
  required?: boolean;
  /** The value used when the option is left out (shown in help). */
  default?: string;
  /** Listed by name only: a value, or given alone a switch (help says "text or switch"). */
  untyped?: boolean;
}

/** An option as a command lists it: a name alone (a value, or a switch when given alone) or a full declaration. */
export type CommandOption = string | OptionSpec;

/** The command line is wrong; the message says how. The CLI exits with code 2. */
export class CliUsageError extends Error {}

/** Reports a wrong command line (or a refusal to run without a terminal) on stderr: exit code 2. */
export function usageFailure(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

/** The declaration of every option, bare names read as untyped options. */
export function optionSpecs(options: readonly CommandOption[]): OptionSpec[] {
  return options.map((option) => (typeof option === 'string' ? { name: option, untyped: true } : option));
}

/**
 * Parses one command's arguments with node:util's parseArgs: unknown options, a missing value, a
 * repeated option, more than one bare argument or a missing required option are usage errors naming
 * the option. `argumentOption` names the option a single bare argument fills (`log:verify-proof FILE`).
 * Returns every given value as text (`'true'` for a switch), as CommandOptions reads them.
 */
export function parseCommandArguments(
  command: string,
  argv: readonly string[],
  declared: readonly CommandOption[],
  argumentOption?: string,
): Map<string, string> {
  const specs = optionSpecs(declared);
  const config: ParseArgsConfig['options'] = {};
  for (const spec of specs) config[spec.name] = { type: spec.type ?? 'string', multiple: true };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinValues(argv, specs), options: config, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(usageMessage(command, error as Error & { code?: string }, specs));
  }
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    const given = value as (string | boolean)[];
    if (given.length > 1) throw new CliUsageError(`--${name} is given twice`);
    values.set(name, String(given[0]));
  }
  const positionals = parsed.positionals;
  if (positionals.length > 0) {
    if (argumentOption === undefined || positionals.length > 1) {
      const extra = argumentOption === undefined ? positionals[0] : positionals[1];
      throw new CliUsageError(`Unexpected argument "${extra}"; options look like --name value`);
    }
    if (values.has(argumentOption)) throw new CliUsageError(`--${argumentOption} is given twice`);
    values.set(argumentOption, positionals[0]);
  }
  const missing = specs.filter((spec) => spec.required && !values.has(spec.name));
  if (missing.length > 0) {
    throw new CliUsageError(`${command} needs ${missing.map((spec) => `--${spec.name} <${spec.valueName ?? 'value'}>`).join(', ')}`);
  }
  return values;
}

/**
 * Joins each option that takes a value to its value (`--kid -x9…` → `--kid=-x9…`), so a value may start
 * with a single dash (key ids and base64url do); only `--` starts an option. An untyped option with no
 * value after it is a switch (`--resume` alone means "true").
 */
function joinValues(argv: readonly string[], specs: readonly OptionSpec[]): string[] {
  const takesValue = new Map(specs.filter((spec) => spec.type !== 'boolean').map((spec) => [spec.name, spec.untyped === true]));
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : undefined;
    const untyped = name === undefined ? undefined : takesValue.get(name);
    if (untyped === undefined) {
      joined.push(token);
      continue;
    }
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) {
      joined.push(untyped ? `${token}=true` : token);
    } else {
      joined.push(`${token}=${next}`);
      index += 1;
    }
  }
  return joined;
}

function usageMessage(command: string, error: Error & { code?: string }, specs: readonly OptionSpec[]): string {
  const accepted = specs.map((spec) => `--${spec.name}`).join(', ') || 'none';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = /'([^']+)'/.exec(error.message)?.[1] ?? 'an option';
      return `${command} does not take ${option} (it takes: ${accepted})`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[a-z0-9-]+)/.exec(error.message)?.[1];
      const spec = specs.find((candidate) => `--${candidate.name}` === option);
      if (spec?.type === 'boolean') return `${option} is a switch and takes no value`;
      return `${option ?? 'An option'} needs a value: ${option ?? '--name'} <${spec?.valueName ?? 'value'}>`;
    }
    default:
      return error.message;
  }
}

/** The options one command was given, read with checks that name the option in every message. */
export class CommandOptions {
  private readonly defaults: Map<string, string>;

  constructor(
    private readonly command: string,
    private readonly options: Map<string, string>,
    declared: readonly CommandOption[] = [],
  ) {
    this.defaults = new Map(
      optionSpecs(declared)
        .filter((spec) => spec.default !== undefined)
        .map((spec) => [spec.name, spec.default as string]),
    );
  }

  /** A value the command cannot run without. */
  required(name: string): string {
    const value = this.options.get(name) ?? this.defaults.get(name);
    if (value === undefined || value === 'true') throw new CliUsageError(`${this.command} needs --${name} <value>`);
    return value;
  }

  /** A value that may be left out (its declared default, if any). */
  optional(name: string): string | undefined {
    if (!this.options.has(name) && !this.defaults.has(name)) return undefined;
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

  /** A whole number within bounds (`--limit 20`), or the default when left out. */
  count(name: string, bounds: { min: number; max: number }): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(number >= bounds.min && number <= bounds.max)) {
      throw new CliUsageError(`--${name} must be a whole number from ${bounds.min} to ${bounds.max} (got "${value}")`);
    }
    return number;
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

/** The command ran and refused (not a wrong command line): reported as JSON with a stable code, exit code 1. */
export class CommandRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
