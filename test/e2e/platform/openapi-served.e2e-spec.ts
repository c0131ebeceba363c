import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SCHEMA } from '@infobank/migrations';
import { createHttpApp, createLogger } from '@infobank/platform';
import { DESCRIBED_APPS, type DescribedApp } from '../../openapi/openapi-documents';
import { testConfig } from '../../support/platform';

// The drift check against the running apps: each app, built as its main.ts builds it, serves at
// /docs/openapi.json exactly the document committed as docs/openapi/<app>.json (which test/architecture/openapi.spec.ts
// also compares with a freshly generated one).
describe.each(DESCRIBED_APPS.map((app) => [app.name, app] as const))('the %s app', (name, described: DescribedApp) => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    app = await createHttpApp(described.module, {
      service: name,
      ...described.options,
      config: testConfig(),
      logger: createLogger({ level: 'silent', service: name }),
      ...SCHEMA,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  it(`serves the committed docs/openapi/${name}.json at /docs/openapi.json`, async () => {
    const response = await fetch(`${url}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'openapi', `${name}.json`), 'utf8')) as unknown;
    expect(await response.json()).toEqual(committed);
  });
});
