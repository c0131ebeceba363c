import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The ESLint rules that keep persistence and the clock out of application and domain code
 * (docs/architecture.md §3): each fixture breaks one of them, and one follows them all.
 */
const repository = join(__dirname, '../..');
const fixtures = join(__dirname, 'layer-fixtures');
const APPLICATION = 'libs/offers/src/offers/application';

interface LintReport {
  messages: Array<{ file: string; rule: string; message: string }>;
}

describe('application and domain layer rules', () => {
  let lint: LintReport;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'lint.mjs'), fixtures], {
      cwd: repository,
      maxBuffer: 16 * 1024 * 1024,
    });
    lint = JSON.parse(stdout) as LintReport;
  }, 60_000);

  it.each([
    [`${APPLICATION}/imports-typeorm.ts`, '@typescript-eslint/no-restricted-imports', 'import TypeORM and entities as types only'],
    [`${APPLICATION}/imports-entity.ts`, '@typescript-eslint/no-restricted-imports', 'import TypeORM and entities as types only'],
    [`${APPLICATION}/runs-sql.ts`, 'no-restricted-syntax', 'belong in infrastructure/'],
    [`${APPLICATION}/reads-clock.ts`, 'no-restricted-syntax', 'Read the time from the context'],
    ['libs/offers/src/offers/domain/reads-clock.ts', 'no-restricted-syntax', 'Read the time from the context'],
  ])('refuses %s', (file, rule, message) => {
    expect(lint.messages).toContainEqual({ file, rule, message: expect.stringContaining(message) });
  });

  it('reports each fixture once, and nothing in the one that follows the rules', () => {
    expect(lint.messages).toHaveLength(5);
    expect(lint.messages.filter((message) => message.file.endsWith('follows-the-rules.ts'))).toEqual([]);
  });
});
