import { CliUsageError, CommandOptions, parseCommandArguments, type CommandOption } from './cli-arguments';

const declared: CommandOption[] = [
  { name: 'org', valueName: 'ID', required: true },
  { name: 'kid', valueName: 'KID' },
  { name: 'limit', valueName: 'N', default: '20' },
  { name: 'json', type: 'boolean' },
  'resume',
];
const parse = (argv: string[], argument?: string) => parseCommandArguments('org:test', argv, declared, argument);

describe('operator CLI arguments (node:util parseArgs over the declared options)', () => {
  it('reads values, switches and a value that starts with a dash (a key id), and only `--` starts an option', () => {
    const values = parse(['--org', 'o-1', '--kid', '-Xy_9', '--json']);
    expect(Object.fromEntries(values)).toEqual({ org: 'o-1', kid: '-Xy_9', json: 'true' });
  });

  it('reads an option named only by name as a value, or alone as a switch (as the first commands were written)', () => {
    expect(parse(['--org', 'a', '--resume']).get('resume')).toBe('true');
    expect(parse(['--resume', '--org', 'a']).get('resume')).toBe('true');
    expect(parse(['--org', 'a', '--resume', 'run-7']).get('resume')).toBe('run-7');
  });

  it('refuses an unknown option, a missing required one, a missing value, a value for a switch and a repeat, naming the option', () => {
    expect(() => parse(['--org', 'a', '--force'])).toThrow(
      new CliUsageError('org:test does not take --force (it takes: --org, --kid, --limit, --json, --resume)'),
    );
    expect(() => parse(['--kid', 'k'])).toThrow('org:test needs --org <ID>');
    expect(() => parse(['--org'])).toThrow('--org needs a value');
    expect(() => parse(['--org', 'a', '--json=yes'])).toThrow('--json is a switch');
    expect(() => parse(['--org', 'a', '--org', 'b'])).toThrow('--org is given twice');
  });

  it('fills the command’s argument option from one bare argument, and refuses a second or one the command does not take', () => {
    expect(parse(['o-2'], 'org').get('org')).toBe('o-2');
    expect(() => parse(['o-2', '--org', 'o-3'], 'org')).toThrow('--org is given twice');
    expect(() => parse(['o-2', 'o-3'], 'org')).toThrow('Unexpected argument "o-3"');
    expect(() => parse(['--org', 'a', 'stray'])).toThrow('Unexpected argument "stray"');
  });

  it('gives a declared default when the option is left out, and checks whole numbers', () => {
    const options = new CommandOptions('org:test', parse(['--org', 'a']), declared);
    expect(options.optional('limit')).toBe('20');
    expect(options.count('limit', { min: 1, max: 100 })).toBe(20);
    expect(options.optional('kid')).toBeUndefined();
    const tooMany = new CommandOptions('org:test', parse(['--org', 'a', '--limit', '1000']), declared);
    expect(() => tooMany.count('limit', { min: 1, max: 100 })).toThrow('--limit must be a whole number from 1 to 100');
  });
});
