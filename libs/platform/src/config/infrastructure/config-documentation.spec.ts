import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from './config.schema';

describe('README configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'README.md'), 'utf8');
  // Only the Configuration section: other sections have tables of error codes in the same shape.
  const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1));
  const rows = new Map(
    section
      .split('\n')
      .map((line) => /^\|\s*`([A-Z_]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2].trim()]),
  );

  it('lists every variable the configuration reads, with its default', () => {
    for (const variable of CONFIG_VARIABLES) {
      expect(rows.has(variable.name) ? variable.name : `${variable.name} missing from README`).toBe(variable.name);
      if (variable.default) expect(rows.get(variable.name)).toBe(`\`${variable.default}\``);
    }
  });

  it('lists no variable the configuration does not read', () => {
    const known = new Set(CONFIG_VARIABLES.map((variable) => variable.name));
    expect([...rows.keys()].filter((name) => !known.has(name))).toEqual([]);
  });
});
