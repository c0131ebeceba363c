import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Every library has the one layout docs/architecture.md states: wiring files at `src/` and at the top of
 * each part, and all other code in a part's `domain/`, `application/`, `infrastructure/` or `http/`.
 */
const ROOT = join(__dirname, '..', '..');
// The server libraries (the ranking); browser libraries (WEB_LIBRARIES) are organised by concern.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LIBRARY_RANKS } = require('../../architecture.cjs') as { LIBRARY_RANKS: string[] };
const LAYERS = new Set(['domain', 'application', 'infrastructure', 'http']);
const WIRING =
  /^(index\.ts|[a-z-]+\.(module|errors|jobs|entities|providers|tokens)(\.(spec|int-spec))?\.ts|[a-z-]+-http\.(module|int-spec)\.ts|[a-z-]+\.schema\.json)$/;

/** Why a library file breaks the layout, or null when it is where the layout puts it. */
export function layoutProblem(path: string): string | null {
  const [, , src, ...rest] = path.split('/');
  if (src !== 'src') return null;
  if (rest.length <= 2) return WIRING.test(rest[rest.length - 1]) ? null : 'only wiring files sit at src/ or at the top of a part';
  return LAYERS.has(rest[1]) ? null : `"${rest[1]}" is not a layer (domain, application, infrastructure, http)`;
}

describe('library layout', () => {
  it('puts every library file where the layout says', () => {
    const files = execFileSync('git', ['ls-files', ...LIBRARY_RANKS.map((library) => `libs/${library}/src/**`)], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(400);
    const problems = files.map((file) => [file, layoutProblem(file)]).filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });

  it.each([
    ['libs/consent/src/domain/consent.ts', 'only wiring files sit at src/ or at the top of a part'],
    ['libs/crypto/src/jws.ts', 'only wiring files sit at src/ or at the top of a part'],
    ['libs/vault/src/records/stores/vault-record.store.ts', '"stores" is not a layer (domain, application, infrastructure, http)'],
    ['libs/rights/src/benefits/benefit-ledger.int-spec.ts', 'only wiring files sit at src/ or at the top of a part'],
  ])('refuses %s', (file, problem) => {
    expect(layoutProblem(file)).toBe(problem);
  });

  it.each([
    'libs/vault/src/index.ts',
    'libs/vault/src/vault.module.ts',
    'libs/vault/src/links/links.errors.ts',
    'libs/vault/src/records/domain/record.ts',
  ])('accepts %s', (file) => {
    expect(layoutProblem(file)).toBeNull();
  });
});
