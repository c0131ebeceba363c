import { Module } from '@nestjs/common';
import { RunningApp, startTestApp } from '../../support/http-app';
import { freePort } from '../../support/private-redis';

@Module({})
class NothingElse {}

const TOKEN = 'operations-token-for-this-test-0123456789';

describe('/metrics and /docs on an internal port (METRICS_PORT)', () => {
  let running: RunningApp;
  let internal: string;

  beforeAll(async () => {
    const metricsPort = await freePort();
    running = await startTestApp(NothingElse, {}, {}, { metricsPort });
    internal = `http://127.0.0.1:${metricsPort}`;
  });
  afterAll(() => running?.close());

  it('serves them on the internal port', async () => {
    const metrics = await fetch(`${internal}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/infobank_outbox_backlog/);
    const document = await fetch(`${internal}/docs/openapi.json`);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { paths: object }).paths).toHaveProperty(['/health']);
    expect((await fetch(`${internal}/docs`)).status).toBe(200);
  });

  it('takes them off the public port, which still answers /health', async () => {
    for (const path of ['/metrics', '/docs', '/docs/openapi.json']) expect((await fetch(`${running.url}${path}`)).status).toBe(404);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});

describe('/metrics and /docs behind a bearer token (METRICS_TOKEN)', () => {
  let running: RunningApp;
  let internal: string;

  beforeAll(async () => {
    const metricsPort = await freePort();
    running = await startTestApp(NothingElse, { METRICS_TOKEN: TOKEN }, {}, { metricsPort });
    internal = `http://127.0.0.1:${metricsPort}`;
  });
  afterAll(() => running?.close());

  it.each(['/metrics', '/docs', '/docs/openapi.json'])(
    'refuses %s without the token, or with another, with 401 problem+json',
    async (path) => {
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }] as Record<string, string>[]) {
        const response = await fetch(`${internal}${path}`, { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    },
  );

  it('serves them with the token', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${internal}/metrics`, { headers })).status).toBe(200);
    expect((await fetch(`${internal}/docs/openapi.json`, { headers })).status).toBe(200);
  });
});

describe('/metrics and /docs on the public port with METRICS_TOKEN (development)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp(NothingElse, { METRICS_TOKEN: TOKEN });
  });
  afterAll(() => running?.close());

  it('needs the token for them, and for nothing else', async () => {
    expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${running.url}/docs`)).status).toBe(401);
    expect((await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${running.url}/docs/openapi.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});
