// Four suites, one run: unit (pure, beside the code), integration (real Postgres and Redis),
// end-to-end (the apps over HTTP plus the worker) and browser (the web apps in Chromium). See test/support/global-setup.ts.
const { availableParallelism } = require('node:os');

const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  // Nest 12 and jose 6 ship ESM only; Jest on Node 20 needs them transformed to CommonJS.
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@infobank/migrations$': '<rootDir>/prisma-free-migrations/index.ts',
    '^@infobank/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    // libs/sdk is an ES module package: its relative imports name the compiled .js files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

// The integration and end-to-end suites fail a test that sends a query on a connection still running another (see the file).
const database = { setupFilesAfterEnv: ['<rootDir>/test/support/no-concurrent-queries.ts'] };

module.exports = {
  transform: shared.transform,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Jest's default is one worker fewer than the cores: on a 2-core machine one worker, which runs every file
  // in turn. The files mostly wait on Postgres, Redis, spawned processes and Chromium, so at least two.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Longest files first, also on a fresh clone with no Jest cache (see the file).
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  // End-to-end tests spawn processes and run scrypt; on a loaded 2-core machine 5 s is too tight.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts'] },
    { ...shared, ...database, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,prisma-free-migrations}/**/*.int-spec.ts'] },
    { ...shared, ...database, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // The one-minute fault-tolerance run (npm run chaos -- --short) on a PostgreSQL and Redis of its own; needs `npm run build`.
    { ...shared, displayName: 'chaos', testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'] },
    // The web apps in Debian's Chromium (playwright-core), against apps started in-process; needs `npm run build`.
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // axe-core's script reads its global through top-level `this`, which a transform to strict CommonJS erases.
      transformIgnorePatterns: ['/node_modules/(?:axe-core|playwright-core)/'],
    },
  ],
};
