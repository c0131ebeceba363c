// Runs ESLint's API with the repository's configuration and prints JSON on stdout: the messages for each
// fixture, linted as if it stood at the same path in the repository, and the import restrictions ESLint
// applies to each real file given. A separate Node process because ESLint loads eslint.config.mjs as ESM.
// Usage: node test/architecture/lint.mjs <fixture root> [real file]...
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const repository = join(import.meta.dirname, '../..');
const [fixtureRoot, ...realFiles] = process.argv.slice(2);
const eslint = new ESLint({ cwd: repository });

const fixtures = readdirSync(fixtureRoot, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts'))
  .sort();
const messages = [];
for (const fixture of fixtures) {
  const [result] = await eslint.lintText(readFileSync(join(fixtureRoot, fixture), 'utf8'), { filePath: join(repository, fixture) });
  for (const message of result.messages) messages.push({ file: fixture, rule: message.ruleId, message: message.message });
}

const restrictions = {};
for (const file of realFiles) {
  const config = await eslint.calculateConfigForFile(join(repository, file));
  const [, options] = config.rules?.['no-restricted-imports'] ?? [];
  restrictions[relative(repository, join(repository, file))] = (options?.patterns ?? []).map((pattern) => pattern.message);
}
process.stdout.write(JSON.stringify({ messages, restrictions }));
