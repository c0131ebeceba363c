import { optionSpecs, type OptionSpec } from './cli-arguments';
import { declaredOptions, type AdminCommand } from './commands/admin-command';
import { formatTable } from './output/table';

const INVOCATION = 'npm run admin --';
const SUMMARY_WIDTH = 88;

// Headings for the name prefixes in use; a new prefix is listed under its own name, capitalised.
const GROUP_TITLES: Readonly<Record<string, string>> = {
  platform: 'Running the platform',
  dev: 'Development machine',
  seed: 'Development machine',
  db: 'Database',
  keys: 'Bank keys',
  org: 'Organisations (providers and recipients)',
  board: 'Data ethics board (データ倫理審査会)',
  staff: 'Complaints desk (苦情相談窓口)',
  terms: 'Terms and contracts (規約)',
  log: 'Transparency log',
  outbox: 'Jobs and the outbox',
  jobs: 'Jobs and the outbox',
  incident: 'Incidents',
  evidence: 'Certification evidence',
};

/** The heading a command is listed under. */
export function groupOf(command: AdminCommand): string {
  if (command.group !== undefined) return command.group;
  const prefix = command.name.split(':')[0];
  return GROUP_TITLES[prefix] ?? prefix.charAt(0).toUpperCase() + prefix.slice(1);
}

/** `npm run admin -- --help`: every command, grouped, one line each. */
export function overviewHelp(commands: readonly AdminCommand[]): string {
  const groups = new Map<string, AdminCommand[]>();
  for (const command of commands) groups.set(groupOf(command), [...(groups.get(groupOf(command)) ?? []), command]);
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const sections = [...groups].map(
    ([title, members]) => `${title}\n${members.map((command) => `  ${command.name.padEnd(width)}${summaryOf(command)}`).join('\n')}`,
  );
  return [
    'Infobank operator CLI',
    '',
    `Usage: ${INVOCATION} <command> [options]`,
    `       ${INVOCATION} <command> --help   (options, defaults and an example)`,
    '',
    'Results print as JSON on stdout (listings and status as a table; add --json for JSON). Errors go to',
    'stderr as JSON with a stable code; exit code 1 for a refused command, 2 for a wrong command line.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

/** `npm run admin -- <command> --help`: usage, what it does, every option with its type and default, an example. */
export async function commandHelp(command: AdminCommand): Promise<string> {
  const specs = optionSpecs(declaredOptions(command));
  const descriptions = await Promise.all(specs.map((spec) => spec.describe?.() ?? spec.description));
  const rows = [
    ...specs.map((spec, index) => [optionLabel(spec, command), optionNote(spec, command, descriptions[index])]),
    ['-h, --help', 'show this help'],
  ];
  const examples = command.examples?.length ? command.examples : [generatedExample(command, specs)];
  return [
    `Usage: ${INVOCATION} ${synopsis(command, specs)}`,
    '',
    `${wrap(command.usage, 100)}`,
    '',
    'Options:',
    formatTable(rows, { indent: 2, header: false }),
    '',
    examples.length > 1 ? 'Examples:' : 'Example:',
    ...examples.map((example) => `  ${INVOCATION} ${example}`),
    '',
  ].join('\n');
}

/** The command line shape: required options first, optional ones in brackets. */
function synopsis(command: AdminCommand, specs: readonly OptionSpec[]): string {
  const parts = specs.map((spec) => {
    const text = spec.type === 'boolean' ? `--${spec.name}` : `--${spec.name} ${valueName(spec)}`;
    if (spec.name === command.argument) return `[${valueName(spec)} | ${text}]`;
    return spec.required ? text : `[${text}]`;
  });
  return [command.name, ...parts].join(' ');
}

function optionLabel(spec: OptionSpec, command: AdminCommand): string {
  const label = spec.type === 'boolean' ? `--${spec.name}` : `--${spec.name} ${valueName(spec)}`;
  return spec.name === command.argument ? `${valueName(spec)}, ${label}` : label;
}

function optionNote(spec: OptionSpec, command: AdminCommand, description: string | undefined): string {
  const kind = spec.untyped ? 'text or switch' : spec.type === 'boolean' ? 'switch' : 'text';
  const facts = [
    spec.required ? 'required' : 'optional',
    kind,
    ...(spec.default !== undefined ? [`default: ${spec.default}`] : []),
    ...(spec.name === command.argument ? ['may be given bare, right after the command'] : []),
  ];
  return `${description ? `${description} ` : ''}(${facts.join(', ')})`;
}

function valueName(spec: OptionSpec): string {
  return spec.valueName ?? spec.name.toUpperCase().replace(/-/g, '_');
}

function generatedExample(command: AdminCommand, specs: readonly OptionSpec[]): string {
  const required = specs.filter((spec) => spec.required || spec.name === command.argument);
  return [command.name, ...required.map((spec) => (spec.type === 'boolean' ? `--${spec.name}` : `--${spec.name} ${valueName(spec)}`))].join(
    ' ',
  );
}

/** The usage line's first clause, without the options older commands list in front of it (`--org ID: lift a suspension`). */
function summaryOf(command: AdminCommand): string {
  const { usage } = command;
  const text = (/^(--|\[)/.test(usage) && usage.includes(': ') ? usage.slice(usage.indexOf(': ') + 2) : usage).split('; ')[0];
  if (text.length <= SUMMARY_WIDTH) return text;
  const cut = text.slice(0, SUMMARY_WIDTH);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  return [...lines, line].join('\n');
}
