import type { AppConfig } from '@infobank/platform';
import type { CommandOptions } from '../cli-arguments';

/** One operator command: its options, how its use case's fields map to them, and what it does. */
export interface AdminCommand {
  name: string;
  /** One line for the usage text: the options and what the command does. */
  usage: string;
  /** Every option it accepts (without `--`); anything else is a usage error. */
  options: readonly string[];
  /** The option a bare argument after the command fills (`log:verify-proof FILE` = `--file FILE`). */
  argument?: string;
  /**
   * Which option each field of the use case's input comes from (JSON pointer prefix → option), so an
   * error names what the operator typed rather than an internal path.
   */
  fields?: Readonly<Record<string, string>>;
  /** Does the work; a result is printed as JSON, `undefined` prints nothing. */
  run(config: AppConfig, options: CommandOptions): Promise<unknown>;
}

/** The option a use-case error path refers to (longest matching prefix), if the command knows it. */
export function optionForPath(command: AdminCommand, path: string): string | undefined {
  const prefixes = Object.keys(command.fields ?? {}).sort((a, b) => b.length - a.length);
  const match = prefixes.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return match === undefined ? undefined : `--${command.fields?.[match]}`;
}
