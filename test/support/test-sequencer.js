// Orders test files longest first, so that the two workers of a 2-core machine finish together.
// Jest's own sequencer does this only from its cache; a fresh clone (CI) has none, and Jest then goes
// by file size, which can leave the browser file (minutes long) to start last on one worker.
// Here a file's expected time is its cached time when Jest has one, else the measured time below,
// else a guess from its project. Files that failed last time still run first.
const { basename } = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;

// Seconds, measured on the 2-core machine (npx jest --selectProjects <project> --json); keyed by file name.
// Only the slow ones: a rough figure is enough to start them early.
const MEASURED_SECONDS = {
  'portal-web.browser-spec.ts': 180,
  'admin-cli.e2e-spec.ts': 80,
  'kek-generations-cli.e2e-spec.ts': 70,
  'platform-start.e2e-spec.ts': 60,
  'delivery-stop.e2e-spec.ts': 60,
  'propagation.e2e-spec.ts': 55,
  'deposits.e2e-spec.ts': 50,
  'links.e2e-spec.ts': 45,
  'auth.e2e-spec.ts': 40,
  'benefits.e2e-spec.ts': 40,
};

// Seconds for a file neither Jest's cache nor the table above knows, by project.
const PROJECT_SECONDS = { browser: 120, e2e: 20, integration: 8, unit: 1 };

class LongestFirstSequencer extends TestSequencer {
  sort(tests) {
    const expected = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached;
      const measured = MEASURED_SECONDS[basename(test.path)];
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
