import type { Type } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SCHEMA } from '@infobank/migrations';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { errorCatalogue, renderErrorCatalogue, repositoryRoot } from './error-catalogue';
import { createLogger, describeHttpApp, loadConfig, PLATFORM_ERROR_STATUS, renderOpenApiDocument } from '@infobank/platform';
import { ETHICS_BOARD_HTTP_OPTIONS, EthicsBoardModule } from '../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../apps/intake/src/intake.module';
import { PORTAL_HTTP_OPTIONS, PortalModule } from '../../apps/portal/src/portal.module';

/** One HTTP app whose OpenAPI document is committed as docs/openapi/<name>.json. */
export interface DescribedApp {
  name: 'portal' | 'intake' | 'gateway' | 'ethics-board';
  module: Type<unknown>;
  options: { title: string; description: string; errorStatus: Readonly<Record<string, number>> };
}

/** The four HTTP apps, in the order the error catalogue lists them. */
export const DESCRIBED_APPS: readonly DescribedApp[] = [
  { name: 'portal', module: PortalModule, options: PORTAL_HTTP_OPTIONS },
  { name: 'intake', module: IntakeModule, options: INTAKE_HTTP_OPTIONS },
  { name: 'gateway', module: GatewayModule, options: GATEWAY_HTTP_OPTIONS },
  { name: 'ethics-board', module: EthicsBoardModule, options: ETHICS_BOARD_HTTP_OPTIONS },
];

/** An app's code → status map as its problem+json filter uses it. */
export function statusMapOf(app: DescribedApp): Readonly<Record<string, number>> {
  return { ...PLATFORM_ERROR_STATUS, ...app.options.errorStatus };
}

/** Builds one app's document from its module, without a database (see describeHttpApp). */
export async function documentOf(app: DescribedApp): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'development' });
  const logger = createLogger({ level: 'silent', service: 'openapi' });
  return describeHttpApp(app.module, { service: app.name, ...app.options, config, logger, ...SCHEMA });
}

/**
 * Every generated file, path (relative to the repository root) → content: the four OpenAPI documents and the error catalogue.
 * `documents` may hand in documents already built by documentOf (by app name); the others are built here.
 */
export async function generatedFiles(documents: ReadonlyMap<string, OpenAPIObject> = new Map()): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const app of DESCRIBED_APPS) {
    files.set(`docs/openapi/${app.name}.json`, renderOpenApiDocument(documents.get(app.name) ?? (await documentOf(app))));
  }
  const catalogue = errorCatalogue(DESCRIBED_APPS.map((app) => ({ name: app.name, statusByCode: statusMapOf(app) })));
  files.set('docs/errors.md', renderErrorCatalogue(catalogue));
  // As `prettier --check .` (npm run lint) wants them: each file formatted with the options Prettier resolves for its path.
  // Prettier's API in one child process for all the files: in Jest it loads an ES module Jest cannot, and a CLI per file
  // costs a Node start and a Prettier load each.
  const root = repositoryRoot();
  const input = JSON.stringify([...files].map(([path, content]) => [join(root, path), content]));
  const formatted = JSON.parse(
    execFileSync(process.execPath, ['-e', FORMAT_ALL, join(root, 'node_modules', 'prettier', 'index.cjs')], {
      input,
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as string[];
  [...files.keys()].forEach((path, index) => files.set(path, formatted[index]));
  return files;
}

/** Reads [[absolute path, content], ...] as JSON from stdin, writes the formatted contents in the same order as JSON. */
const FORMAT_ALL = `
const prettier = require(process.argv[1]);
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (input += chunk)).on('end', async () => {
  const out = [];
  for (const [filepath, content] of JSON.parse(input)) {
    const options = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
    out.push(await prettier.format(content, { ...options, filepath }));
  }
  process.stdout.write(JSON.stringify(out));
});
`;
