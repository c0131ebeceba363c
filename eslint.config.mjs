// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['jose', 'jose/*'], message: 'Only libs/crypto imports jose.' }] }],
    },
  },
  {
    // The one place configuration is read, and test harness code that prepares it.
    files: [
      'libs/platform/src/config/load-config.ts',
      'libs/platform/src/process/run-process.ts',
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
  {
    // Domain folders are plain TypeScript: no Nest, TypeORM, jose or BullMQ.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'jose', 'bullmq', 'ioredis'], message: 'domain/ is pure TypeScript.' }] },
      ],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Examples an organisation can run as they are: plain Node.js ESM using jose and fetch.
  {
    files: ['test/examples/**/*.mjs'],
    languageOptions: { globals: { fetch: 'readonly', URLSearchParams: 'readonly' } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
