import type { AppConfig } from '@infobank/platform';
import type { CommandOption, CommandOptions } from '../cli-arguments';

/**
 * One operator command: its options, how its use case's fields map to them, and what it does. Help and
 * parsing are driven by these declarations, so a command added to the registry gets `--help` for free.
 */
export interface AdminCommand {
  name: string;
  /**
   * One line for the command list and help: what the command does. (Older commands start it with their
   * options, `--org ID: …`; declared options make that unnecessary.)
   */
  usage: string;
  /** Every option it accepts (without `--`); anything else is a usage error. */
  options: readonly CommandOption[];
  /** The option a bare argument after the command fills (`log:verify-proof FILE` = `--file FILE`). */
  argument?: string;
  /**
   * Which option each field of the use case's input comes from (JSON pointer prefix → option), so an
   * error names what the operator typed rather than an internal path.
   */
  fields?: Readonly<Record<string, string>>;
  /** The heading it is listed under in `--help`; by default the one for its name's prefix (`org:` → Organisations). */
  group?: string;
  /** Command lines shown under "Examples" in its help (without `npm run admin --`). */
  examples?: readonly string[];
  /**
   * A listing or status command: how its result reads as a table for people. The command then takes
   * `--json`, which prints the result as JSON for scripts instead.
   */
  render?: (result: never) => string;
  /**
   * A command that destroys something: what it will do, asked before it runs. It then takes `--yes`
   * (no question); without a terminal to ask on and without `--yes` it refuses.
   */
  confirm?: (config: AppConfig, options: CommandOptions) => string;
  /**
   * Does the work; a result is printed as JSON (or through `render`), `undefined` prints nothing. It imports
   * the libraries it calls (`await import('@infobank/…')`) here, not at the top of its file: the command
   * list, help and usage errors are answered from the declarations and load no library.
   */
  run(config: AppConfig, options: CommandOptions): Promise<unknown>;
}

/** A listing or status command whose table view reads the run's own result type. */
export function listingCommand<T>(
  command: Omit<AdminCommand, 'run' | 'render'> & {
    run(config: AppConfig, options: CommandOptions): Promise<T>;
    render(result: T): string;
  },
): AdminCommand {
  return command as AdminCommand;
}

/** The options a command takes, with the ones the CLI adds (`--json` for listings, `--yes` for confirmations). */
export function declaredOptions(command: AdminCommand): CommandOption[] {
  return [
    ...command.options,
    ...(command.render ? [{ name: 'json', type: 'boolean' as const, description: 'print JSON (for scripts) instead of a table' }] : []),
    ...(command.confirm
      ? [{ name: 'yes', type: 'boolean' as const, description: 'do it without asking (needed without a terminal)' }]
      : []),
  ];
}

/** The option a use-case error path refers to (longest matching prefix), if the command knows it. */
export function optionForPath(command: AdminCommand, path: string): string | undefined {
  const prefixes = Object.keys(command.fields ?? {}).sort((a, b) => b.length - a.length);
  const match = prefixes.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return match === undefined ? undefined : `--${command.fields?.[match]}`;
}
