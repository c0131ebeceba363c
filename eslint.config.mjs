// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import architecture from './architecture.cjs';

const { LIBRARY_RANKS, FRAMEWORK_PACKAGES, WEB_LIBRARIES, WEB_APPS, CLIENT_LIBRARIES } = architecture;
const APPS = readdirSync(join(import.meta.dirname, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Import restrictions, composed per folder because ESLint's last matching block replaces a rule's options
// (dependency-cruiser checks the same rules on resolved paths; test/architecture proves both fire).
const JOSE = { group: ['jose', 'jose/*'], message: 'Only libs/crypto imports jose.' };
const WEB_UI = {
  group: WEB_LIBRARIES.map((library) => `@infobank/${library}`),
  message: 'Only web apps import the browser-only web libraries (WEB_LIBRARIES in architecture.cjs).',
};
const CLIENT = {
  group: CLIENT_LIBRARIES.map((library) => `@infobank/${library}`),
  message: 'Only tests import client libraries (CLIENT_LIBRARIES in architecture.cjs): the SDK is for organisations, not the bank.',
};
const SERVER_LIBRARIES = {
  group: ['@infobank/*', ...WEB_LIBRARIES.map((library) => `!@infobank/${library}`)],
  message: 'Web code runs in the browser: it imports no server library.',
};
const FRAMEWORKS = {
  group: FRAMEWORK_PACKAGES.flatMap((name) => [name, `${name}/*`]),
  message: 'domain/ is pure TypeScript: no Nest, Fastify, TypeORM, pg, jose, BullMQ or Redis.',
};
const OWN_APPLICATION_OR_INFRASTRUCTURE = {
  regex: '^\\.\\.?/(?:.*/)?(?:application|infrastructure)(?:/|$)',
  message: 'domain/ imports nothing from its own application or infrastructure.',
};
const restrict = (...patterns) => ['error', { patterns: patterns.filter((pattern) => pattern !== undefined) }];
const higherLibraries = (rank) =>
  rank === LIBRARY_RANKS.length - 1
    ? undefined
    : {
        group: LIBRARY_RANKS.slice(rank + 1).map((library) => `@infobank/${library}`),
        message: `${LIBRARY_RANKS[rank]} imports only libraries ranked below it (LIBRARY_RANKS in architecture.cjs).`,
      };
const libraryRules = LIBRARY_RANKS.flatMap((library, rank) => {
  const jose = library === 'crypto' ? undefined : JOSE;
  return [
    { files: [`libs/${library}/**/*.ts`], rules: { 'no-restricted-imports': restrict(jose, higherLibraries(rank), WEB_UI, CLIENT) } },
    {
      files: [`libs/${library}/src/**/domain/**/*.ts`],
      rules: { 'no-restricted-imports': restrict(FRAMEWORKS, higherLibraries(rank), OWN_APPLICATION_OR_INFRASTRUCTURE, WEB_UI, CLIENT) },
    },
  ];
});
// A library missing from LIBRARY_RANKS imports no other library until it takes its place there.
const unrankedLibraryRule = {
  files: ['libs/**/*.ts'],
  ignores: [...LIBRARY_RANKS, ...WEB_LIBRARIES, ...CLIENT_LIBRARIES].map((library) => `libs/${library}/**`),
  rules: {
    'no-restricted-imports': restrict(JOSE, {
      group: ['@infobank/*'],
      message: 'A library takes its place in LIBRARY_RANKS (architecture.cjs) before it imports another library.',
    }),
  },
};
// Client libraries (the SDK) are published on their own: jose and Node.js built-ins only.
const clientLibraryRule = {
  files: CLIENT_LIBRARIES.map((library) => `libs/${library}/**/*.ts`),
  rules: {
    'no-restricted-imports': restrict({
      regex: '^(?!jose$|node:|\\.\\.?/)',
      message: 'A client library (CLIENT_LIBRARIES in architecture.cjs) imports jose and Node.js built-ins only.',
    }),
  },
};
const appRules = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`, `apps/${app}/**/*.tsx`],
  rules: {
    'no-restricted-imports': restrict(
      WEB_APPS.includes(app) ? SERVER_LIBRARIES : WEB_UI,
      WEB_APPS.includes(app) ? undefined : JOSE,
      CLIENT,
      {
        regex: `^(?:\\.\\./)+(?:apps/)?(?:${APPS.filter((other) => other !== app).join('|')})/src(?:/|$)`,
        message: 'An app never imports another app; what two apps share belongs in a library.',
      },
    ),
  },
}));

// Application and domain code reach the database only through stores and query classes in
// infrastructure/, and read the time only from their context (ctx.now()); domain code takes it as a value.
const PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through @infobank/platform loadConfig only.',
};
const CLOCK_MESSAGE = 'Read the time from the context (ctx.now()); domain code takes it as a parameter.';
const LAYER_SYNTAX = [
  PROCESS_ENV,
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: CLOCK_MESSAGE },
  {
    selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository)$/]',
    message: 'SQL, query builders and repositories belong in infrastructure/ (stores and query classes).',
  },
];
const PERSISTENCE_MESSAGE = 'Application and domain code use stores in infrastructure/; they import TypeORM and entities as types only.';
const layerRules = {
  files: ['libs/*/src/*/application/**/*.ts', 'libs/*/src/*/domain/**/*.ts'],
  ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
  rules: {
    'no-restricted-syntax': ['error', ...LAYER_SYNTAX],
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'typeorm', allowTypeImports: true, message: PERSISTENCE_MESSAGE }],
        patterns: [{ group: ['typeorm/*', '**/*.entity', '**/*.entities'], allowTypeImports: true, message: PERSISTENCE_MESSAGE }],
      },
    ],
  },
};

export default tseslint.config(
  // test/architecture/fixtures break the rules on purpose; the architecture spec lints them on its own.
  {
    ignores: [
      'dist/**',
      'libs/*/dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'test/architecture/fixtures/**',
      'test/architecture/layer-fixtures/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @infobank/platform loadConfig only.',
        },
      ],
      'no-restricted-imports': restrict(JOSE),
    },
  },
  {
    // The one place configuration is read, and test harness code that prepares it.
    files: [
      'libs/platform/src/config/infrastructure/load-config.ts',
      'libs/platform/src/process/infrastructure/run-process.ts',
      'test/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'jest.config.js',
      'apps/admin/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // libs/crypto is the bank's only jose user; test/ plays external organisations, which use jose themselves.
  { files: ['libs/crypto/**/*.ts', 'test/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  // Tests read loosely typed JSON responses.
  { files: ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Domain folders at any depth are plain TypeScript; each library imports only lower-ranked ones.
  { files: ['**/domain/**/*.ts'], rules: { 'no-restricted-imports': restrict(FRAMEWORKS) } },
  unrankedLibraryRule,
  clientLibraryRule,
  ...libraryRules,
  ...appRules,
  layerRules,
  // Web libraries: browser code; the proof verifier uses jose (it works in browsers) and WebCrypto.
  {
    files: WEB_LIBRARIES.flatMap((library) => [`libs/${library}/**/*.ts`, `libs/${library}/**/*.tsx`]),
    rules: { 'no-restricted-imports': restrict(SERVER_LIBRARIES) },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Examples an organisation can run as they are: plain Node.js ESM using jose and fetch.
  {
    files: ['test/examples/**/*.mjs', 'examples/**/*.mjs'],
    languageOptions: { globals: { fetch: 'readonly', URLSearchParams: 'readonly' } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
