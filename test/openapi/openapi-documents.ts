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

/** Every generated file, path (relative to the repository root) → content: the four OpenAPI documents and the error catalogue. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const app of DESCRIBED_APPS) files.set(`docs/openapi/${app.name}.json`, renderOpenApiDocument(await documentOf(app)));
  const catalogue = errorCatalogue(DESCRIBED_APPS.map((app) => ({ name: app.name, statusByCode: statusMapOf(app) })));
  files.set('docs/errors.md', renderErrorCatalogue(catalogue));
  // As `prettier --check .` (npm run lint) wants them. Prettier's CLI in a child process: its API loads an ES module Jest cannot.
  const root = repositoryRoot();
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  for (const [path, content] of files) {
    files.set(
      path,
      execFileSync(process.execPath, [prettier, '--stdin-filepath', join(root, path)], { input: content, cwd: root, encoding: 'utf8' }),
    );
  }
  return files;
}
