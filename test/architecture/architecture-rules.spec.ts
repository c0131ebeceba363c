import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The rules themselves: .dependency-cruiser.cjs and eslint.config.mjs, sharing architecture.cjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dependencyCruiserConfig = require('../../.dependency-cruiser.cjs') as { forbidden: Array<{ name: string; from: { path?: string } }> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LIBRARY_RANKS, WEB_LIBRARIES, CLIENT_LIBRARIES } = require('../../architecture.cjs') as {
  LIBRARY_RANKS: string[];
  WEB_LIBRARIES: string[];
  CLIENT_LIBRARIES: string[];
};

const repository = join(__dirname, '../..');
const fixtures = join(__dirname, 'fixtures');

interface CruiseReport {
  violations: Array<{ rule: string; from: string; to: string }>;
  modules: number;
}
interface LintReport {
  messages: Array<{ file: string; rule: string; message: string }>;
  restrictions: Record<string, string[]>;
}

/** Runs one of the runner scripts beside this file (dependency-cruiser and ESLint are loaded as ESM there). */
async function runner<T>(script: string, ...args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, script), ...args], {
    cwd: repository,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/** Every TypeScript file under a `domain/` folder, at any depth, in the apps and libraries. */
function domainFiles(): string[] {
  return ['apps', 'libs']
    .flatMap((top) => readdirSync(join(repository, top), { recursive: true }).map((file) => `${top}/${String(file)}`))
    .filter((file) => file.endsWith('.ts') && file.split('/').slice(0, -1).includes('domain'))
    .sort();
}
const isSpec = (file: string) => /\.(int-)?spec\.ts$/.test(file);

/** One fixture per rule, each breaking that rule and no other, with what each tool reports. */
const PLANTED = [
  {
    rule: 'libraries-import-only-lower-ranks',
    from: 'libs/platform/src/reaches-up.ts',
    to: 'libs/consent/src/index.ts',
    eslint: 'platform imports only libraries ranked below it',
  },
  {
    rule: 'libraries-have-a-rank',
    from: 'libs/unranked/src/index.ts',
    to: 'libs/platform/src/index.ts',
    eslint: 'A library takes its place in LIBRARY_RANKS',
  },
  {
    rule: 'apps-never-import-other-apps',
    from: 'apps/portal/src/main.ts',
    to: 'apps/gateway/src/gateway-port.ts',
    eslint: 'An app never imports another app',
  },
  {
    rule: 'domain-imports-only-domain',
    from: 'libs/consent/src/domain/reads-infrastructure.ts',
    to: 'libs/consent/src/infrastructure/consent.store.ts',
    eslint: 'domain/ imports nothing from its own application or infrastructure',
  },
  {
    rule: 'domain-imports-only-domain',
    from: 'libs/consent/src/approvals/domain/calls-application.ts',
    to: 'libs/consent/src/approvals/application/approve-request.use-case.ts',
    eslint: 'domain/ imports nothing from its own application or infrastructure',
  },
  {
    rule: 'domain-is-pure',
    from: 'libs/consent/src/approvals/domain/uses-framework.ts',
    to: expect.stringMatching(/node_modules\/@nestjs\/common\//) as unknown as string,
    eslint: 'domain/ is pure TypeScript',
  },
  {
    rule: 'only-web-apps-import-web-libraries',
    from: 'libs/platform/src/imports-web-ui.ts',
    to: 'libs/web-ui/src/index.ts',
    eslint: 'Only web apps import the browser-only web libraries',
  },
  {
    rule: 'client-libraries-depend-on-jose-only',
    from: 'libs/sdk/src/imports-platform.ts',
    to: 'libs/platform/src/index.ts',
    eslint: 'A client library (CLIENT_LIBRARIES in architecture.cjs) imports jose and Node.js built-ins only',
  },
  {
    rule: 'only-tests-import-client-libraries',
    from: 'libs/platform/src/imports-sdk.ts',
    to: 'libs/sdk/src/index.ts',
    eslint: 'Only tests import client libraries',
  },
];

describe('architecture rules', () => {
  let fixtureCruise: CruiseReport;
  let treeCruise: CruiseReport;
  let lint: LintReport;
  const realDomainFiles = domainFiles();

  beforeAll(async () => {
    [[fixtureCruise, treeCruise], lint] = await Promise.all([
      runner<CruiseReport[]>('cruise.mjs', fixtures, repository),
      runner<LintReport>('lint.mjs', fixtures, ...realDomainFiles),
    ]);
  }, 60_000);

  describe('dependency-cruiser', () => {
    it.each(PLANTED)('reports $rule for $from', ({ rule, from, to }) => {
      expect(fixtureCruise.violations).toContainEqual({ rule, from, to });
    });

    it('reports each fixture once, for the rule it breaks and no other', () => {
      expect(fixtureCruise.violations).toHaveLength(PLANTED.length);
    });

    it('finds no violation in the real apps and libraries', () => {
      expect(treeCruise.modules).toBeGreaterThan(400);
      expect(treeCruise.violations).toEqual([]);
    });

    it('matches every domain file at any depth with the purity and own-domain rules', () => {
      const rule = (name: string) => new RegExp(dependencyCruiserConfig.forbidden.find((candidate) => candidate.name === name)!.from.path!);
      const checked = realDomainFiles.filter((file) => !isSpec(file));
      expect(checked.filter((file) => !rule('domain-is-pure').test(file))).toEqual([]);
      expect(checked.filter((file) => !rule('domain-imports-only-domain').test(file))).toEqual([]);
      // Nested domain folders (libs/<lib>/src/<context>/domain/) are the ones the first rules missed.
      expect(checked.filter((file) => /^libs\/[^/]+\/src\/[^/]+\/domain\//.test(file)).length).toBeGreaterThan(0);
    });
  });

  describe('ESLint', () => {
    it.each(PLANTED)('refuses the import in $from', ({ from, eslint }) => {
      expect(lint.messages).toContainEqual({ file: from, rule: 'no-restricted-imports', message: expect.stringContaining(eslint) });
    });

    it('reports each fixture once and nothing else', () => {
      expect(lint.messages).toHaveLength(PLANTED.length);
    });

    it('applies the domain restrictions to every domain file at any depth', () => {
      const unrestricted = realDomainFiles.filter((file) => {
        const messages = lint.restrictions[file] ?? [];
        const pure = messages.some((message) => message.startsWith('domain/ is pure'));
        const ownLayers = messages.some((message) => message.startsWith('domain/ imports nothing'));
        return !pure || !ownLayers;
      });
      expect(unrestricted).toEqual([]);
    });
  });

  it('ranks every server library exactly once and lists every web and client library', () => {
    const libraries = readdirSync(join(repository, 'libs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...LIBRARY_RANKS, ...WEB_LIBRARIES, ...CLIENT_LIBRARIES].sort()).toEqual(libraries.sort());
  });
});
