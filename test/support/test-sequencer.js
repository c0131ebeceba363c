// Orders test files longest first, so that the two workers of a 2-core machine finish together.
// Jest's own sequencer does this only from its cache; a fresh clone (CI) has none, and Jest then goes
// by file size, which can leave the browser file (minutes long) to start last on one worker.
// Here a file's expected time is its cached time when Jest has one, else the measured time below,
// else a guess from its project. Files that failed last time still run first.
const { relative } = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;

// Seconds, measured on the 2-core machine (npx jest --selectProjects <project> --json), by path from the
// repository root. Only the slow ones: a rough figure is enough to start them early. Figures of the last full
// CI runs (jest 926-1067 s) after this round's savings (the OpenAPI check's Prettier and app builds, scrypt 2^14).
const MEASURED_SECONDS = {
  'test/browser/board-web.browser-spec.ts': 140,
  'test/chaos/chaos.chaos-spec.ts': 130,
  'test/e2e/admin/operator-commands.e2e-spec.ts': 100,
  // A unit file, but it compiles the four apps and runs Prettier: without this figure it would start last.
  'test/architecture/openapi.spec.ts': 80,
  'test/e2e/admin/admin-cli.e2e-spec.ts': 80,
  'test/e2e/intake/links.e2e-spec.ts': 80,
  'test/e2e/portal/standing-conditions.e2e-spec.ts': 75,
  'test/e2e/admin/kek-generations-cli.e2e-spec.ts': 70,
  'test/browser/portal-web.browser-spec.ts': 65,
  'test/e2e/processes/platform-start.e2e-spec.ts': 60,
  'prisma-free-migrations/migrations.int-spec.ts': 60,
  'prisma-free-migrations/least-privilege.int-spec.ts': 55,
  'test/e2e/portal/account-closure.e2e-spec.ts': 55,
  'test/e2e/gateway/delivery-stop.e2e-spec.ts': 55,
  'test/e2e/gateway/propagation.e2e-spec.ts': 50,
  'test/e2e/ethics-board/cases.e2e-spec.ts': 45,
  'test/e2e/portal/offers.e2e-spec.ts': 45,
  'test/e2e/portal/approvals.e2e-spec.ts': 45,
  'test/e2e/portal/browser-session.e2e-spec.ts': 40,
  'libs/review/src/review/application/add-board-member.int-spec.ts': 20,
};

// Seconds for a file neither Jest's cache nor the table above knows, by project.
const PROJECT_SECONDS = { browser: 120, chaos: 200, e2e: 20, integration: 8, unit: 1 };

class LongestFirstSequencer extends TestSequencer {
  sort(tests) {
    const expected = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached;
      const measured = MEASURED_SECONDS[relative(test.context.config.rootDir, test.path)];
      if (measured != null) return measured * 1000;
      const project = test.context.config.displayName?.name;
      return (PROJECT_SECONDS[project] ?? 1) * 1000;
    };
    const keyed = tests.map((test) => ({ test, failed: this.hasFailed(test), ms: expected(test) }));
    keyed.sort((a, b) => (a.failed !== b.failed ? (a.failed ? -1 : 1) : b.ms - a.ms));
    return keyed.map(({ test }) => test);
  }
}

module.exports = LongestFirstSequencer;
