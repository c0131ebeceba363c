import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { IntakeModule } from '../../../apps/intake/src/intake.module';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { freePort } from '../../support/private-redis';

const APPS = [
  ['portal', PortalModule],
  ['intake', IntakeModule],
  ['gateway', GatewayModule],
  ['ethics-board', EthicsBoardModule],
] as const;

describe.each(APPS)('%s app', (_name, module) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp(module);
  });
  afterAll(() => running.close());

  it('answers /health with 200 when Postgres and Redis are up', async () => {
    const response = await fetch(`${running.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('publishes the bank signing keys, public parts only', async () => {
    const response = await fetch(`${running.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('serves OpenAPI at /docs and security headers on every response', async () => {
    const document = await fetch(`${running.url}/docs/openapi.json`);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { paths: object }).paths).toHaveProperty(['/health']);
    const page = await fetch(`${running.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('exposes Prometheus metrics: request latency, queue depth and outbox backlog', async () => {
    await fetch(`${running.url}/health`);
    const response = await fetch(`${running.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/infobank_http_request_duration_seconds_bucket\{[^}]*route="\/health"/);
    expect(text).toMatch(/infobank_queue_jobs\{[^}]*queue="transfers"[^}]*state="waiting"[^}]*\} \d+/);
    expect(text).toMatch(/infobank_outbox_backlog\{[^}]*stage="pending"[^}]*\} \d+/);
  });
});

describe('/health with Redis unreachable', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp(PortalModule, { REDIS_PORT: String(await freePort()) });
  });
  afterAll(() => running.close());

  it('answers 503 and names Redis as down', async () => {
    const response = await fetch(`${running.url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'error', details: { postgres: { status: 'up' }, redis: { status: 'down' } } });
  });
});
