import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryRoot } from './error-catalogue';
import { generatedFiles } from './openapi-documents';

// `npm run openapi`: writes docs/openapi/<app>.json and docs/errors.md from the code (no database needed).
// test/architecture/openapi.spec.ts fails while the committed files differ from what this writes.
void (async () => {
  const root = repositoryRoot();
  for (const [path, content] of await generatedFiles()) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    process.stdout.write(`wrote ${path}\n`);
  }
})().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
