import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DESCRIBED_APPS, documentOf, generatedFiles, statusMapOf, type DescribedApp } from '../openapi/openapi-documents';
import { gapsOf, operationsOf } from '../openapi/openapi-lint';
import { errorCatalogue } from '../openapi/error-catalogue';

const root = join(__dirname, '..', '..');
// Each app's document is built once here and reused by the drift check at the end (built there if not yet).
const documents = new Map<string, OpenAPIObject>();
describe.each(DESCRIBED_APPS.map((app) => [app.name, app] as const))('the OpenAPI document of %s', (_name, app: DescribedApp) => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await documentOf(app);
    documents.set(app.name, document);
  });

  it('gives every route a success schema, its security (or @ApiPublic) and its error codes, each with the status the app answers with', () => {
    const statusByCode = statusMapOf(app);
    const gaps = operationsOf(document).flatMap((entry) =>
      gapsOf(entry, document, statusByCode).map((gap) => `${entry.route} (${entry.operation.operationId}): ${gap}`),
    );
    expect(gaps).toEqual([]);
  });

  it('declares the security schemes its routes use and nothing else', () => {
    const used = new Set(operationsOf(document).flatMap(({ operation }) => (operation.security ?? []).flatMap(Object.keys)));
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual([...used].sort());
    expect(used.size).toBeGreaterThan(0);
  });
});

describe('the OpenAPI lint', () => {
  const problem = (codes: string[]) => ({
    'x-error-codes': codes,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const complete = {
    security: [{ individualBearer: [] }],
    responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } }, '404': problem(['THING_NOT_FOUND']) },
  };
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    components: { securitySchemes: { individualBearer: { type: 'http', scheme: 'bearer' } } },
    paths: {},
  } as unknown as OpenAPIObject;
  const map = { THING_NOT_FOUND: 404, UNAUTHENTICATED: 401 };
  const gaps = (operation: Record<string, unknown>) => gapsOf({ route: 'GET /things', operation }, document, map);

  it('finds nothing to say about a complete route', () => {
    expect(gaps(complete)).toEqual([]);
  });

  it('names each gap: no success schema, no security, no error response, a code under the wrong status or unknown', () => {
    expect(gaps({ ...complete, responses: { ...complete.responses, '200': { description: 'ok' } } })).toEqual(['200 has no schema']);
    expect(gaps({ ...complete, security: undefined })).toEqual(['declares no security and is not marked @ApiPublic()']);
    expect(gaps({ ...complete, security: [{ dpop: [] }] })).toEqual(['security scheme dpop is not declared']);
    expect(gaps({ ...complete, responses: { '200': complete.responses['200'] } })).toEqual(['documents no error response']);
    expect(gaps({ ...complete, responses: { ...complete.responses, '404': problem(['UNAUTHENTICATED', 'NO_SUCH_CODE']) } })).toEqual([
      "UNAUTHENTICATED is not a 404 in the app's error map",
      "NO_SUCH_CODE is not a 404 in the app's error map",
    ]);
    expect(gaps({ ...complete, responses: { ...complete.responses, '404': { description: 'THING_NOT_FOUND' } } })).toEqual([
      '404 lists no error code',
      '404 is not problem+json',
    ]);
  });

  it('lets a public route that takes no input document no error, but not one that takes input', () => {
    const publicRoute = { security: [], 'x-public': true, responses: { '200': complete.responses['200'] } };
    expect(gaps(publicRoute)).toEqual([]);
    expect(gaps({ ...publicRoute, parameters: [{ in: 'query', name: 'q' }] })).toEqual(['documents no error response']);
  });
});

describe('the error catalogue', () => {
  const apps = () => DESCRIBED_APPS.map((app) => ({ name: app.name, statusByCode: statusMapOf(app) }));

  it('gives each code its status, the apps answering with it, and the meaning its error class’s doc comment states', () => {
    const offerNotFound = errorCatalogue(apps()).find((entry) => entry.code === 'OFFER_NOT_FOUND');
    expect(offerNotFound).toMatchObject({ status: 404, apps: ['portal', 'gateway', 'ethics-board'] });
    expect(offerNotFound?.meaning).toMatch(/^No offer has this id/);
    expect(offerNotFound?.advice).not.toBe('');
  });

  it('refuses a code nobody explained, and a code two apps answer with different statuses', () => {
    const [portal, ...others] = apps();
    expect(() => errorCatalogue([{ ...portal, statusByCode: { ...portal.statusByCode, UNEXPLAINED_CODE: 400 } }, ...others])).toThrow(
      /UNEXPLAINED_CODE has no meaning/,
    );
    expect(() => errorCatalogue([{ ...portal, statusByCode: { ...portal.statusByCode, OFFER_NOT_FOUND: 410 } }, ...others])).toThrow(
      /OFFER_NOT_FOUND is 410 in portal but 404 in gateway/,
    );
  });
});

describe('the committed OpenAPI documents and error catalogue', () => {
  it('equal freshly generated ones (run `npm run openapi` after changing a route or an error code)', async () => {
    const drifted: string[] = [];
    for (const [path, content] of await generatedFiles(documents)) {
      let committed = '';
      try {
        committed = readFileSync(join(root, path), 'utf8');
      } catch {
        // A missing file has drifted.
      }
      if (committed !== content) drifted.push(path);
    }
    expect(drifted).toEqual([]);
  });
});
