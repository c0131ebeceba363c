import { createRequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { startTestApp, type RunningApp } from '../../../test/support/http-app';
import { CatalogHttpModule } from './catalog-http.module';
import { CatalogModule } from './catalog.module';
import { OrganisationDirectory } from './catalog/application/organisation-directory';
import { CATALOG_SETTINGS } from './catalog/application/catalog-settings';
import { CATALOG_VERSION } from './catalog/domain/catalog-version';
import { Module } from '@nestjs/common';

@Module({ imports: [CatalogHttpModule, CatalogModule.forRoot()] })
class CatalogTestAppModule {}

describe('GET /v1/catalog (over HTTP, as the apps serve it)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp(CatalogTestAppModule);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('Given no credentials, when the catalog is fetched, then it is served publicly with a five-minute cache', async () => {
    const response = await fetch(`${running.url}/v1/catalog`);
    const body: any = await response.json();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body.version).toBe(CATALOG_VERSION);
    expect(body.categories.map((category: { code: string }) => category.code)).toContain('health.checkup');
    expect(body.purposes.find((purpose: { code: string }) => purpose.code === 'marketing')).toMatchObject({
      dpv: 'https://w3id.org/dpv#Marketing',
      label: { ja: '商品・サービスのご案内', en: 'Marketing' },
    });
    const health = body.categories.find((category: { code: string }) => category.code === 'health.checkup');
    expect(health).toMatchObject({ sensitive: true, allowsIndividualNumber: false });
    expect(health.schema.additionalProperties).toBe(false);
  });

  it('Given the OpenAPI document, then it describes the catalog route and its response', async () => {
    const document: any = await (await fetch(`${running.url}/docs/openapi.json`)).json();

    expect(document.paths['/v1/catalog'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CatalogDto',
    );
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['DataCategoryDto', 'PurposeDto', 'DataItemDto']));
  });

  it('Given a write method, when sent to the catalog, then it is refused as problem+json', async () => {
    const response = await fetch(`${running.url}/v1/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('Given CatalogModule in an app, then the directory is injectable with the data source and test settings allow local webhooks', async () => {
    const directory = running.app.get(OrganisationDirectory);

    expect(directory).toBeInstanceOf(OrganisationDirectory);
    expect(running.app.get(DataSource).isInitialized).toBe(true);
    expect(await directory.findCredentials(createRequestContext({ type: 'anonymous' }), 'not-a-uuid')).toBeNull();
    expect(running.app.get(CATALOG_SETTINGS)).toEqual({ allowLocalWebhooks: true });
  });
});
