import { BankKeyRing } from '@infobank/crypto';
import { createRequestContext, withTransaction, Transactions } from '@infobank/platform';
import {
  SealTransparencyLogUseCase,
  TransparencyLog,
  verifyCheckpoint,
  verifyConsistencyProofAgainstJwks,
  TransparencyLogStore,
} from '@infobank/transparency-log';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { IntakeModule } from '../../../apps/intake/src/intake.module';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

async function getJson(url: string): Promise<{ status: number; contentType: string; body: any }> {
  const response = await fetch(url);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.json() };
}

describe('the public transparency log endpoints', () => {
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let log: TransparencyLog;
  let sealer: SealTransparencyLogUseCase;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    portal = await startTestApp(PortalModule, { DATABASE_NAME: environment.config.database.name }, PORTAL_ERROR_STATUS);
    log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
    sealer = new SealTransparencyLogUseCase(
      portal.app.get(BankKeyRing),
      new Transactions(environment.dataSource),
      new TransparencyLogStore(environment.dataSource),
    );
  });
  afterAll(async () => {
    await portal?.close();
    await environment?.dispose();
  });

  const appendAndSeal = async (count: number): Promise<void> => {
    const ids: string[] = [];
    await environment.dataSource.transaction(async (manager) => {
      for (let leaf = 0; leaf < count; leaf += 1)
        ids.push(await log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from(`leaf ${leaf}`) }));
    });
    // Another test's open transaction on this cluster can hold the sealer back for a moment: seal until it took them.
    await eventually(`${count} leaves sealed`, async () => {
      await environment.dataSource.transaction((manager) => sealer.execute(withTransaction(logCtx, manager)));
      return (await log.inclusionProof(logCtx, ids[ids.length - 1])) !== null;
    });
  };

  it('answers 404 problem+json before anything is sealed, then serves checkpoints that verify against the JWKS', async () => {
    const empty = await getJson(`${portal.url}/v1/log/checkpoints/latest`);
    expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 404, code: 'LOG_CHECKPOINT_NOT_FOUND' });
    expect(empty.contentType).toMatch(/^application\/problem\+json/);

    await appendAndSeal(3);
    const first = await getJson(`${portal.url}/v1/log/checkpoints/latest`);
    expect(first.status).toBe(200);
    const jwks = (await getJson(`${portal.url}/.well-known/jwks.json`)).body;
    const payload = await verifyCheckpoint(first.body.checkpoint, jwks);
    expect(payload).toEqual({ treeSize: first.body.treeSize, rootHash: first.body.rootHash, time: first.body.time });

    await appendAndSeal(5);
    const second = (await getJson(`${portal.url}/v1/log/checkpoints/latest`)).body;
    const proof = await getJson(`${portal.url}/v1/log/consistency?from=${first.body.treeSize}&to=${second.treeSize}`);
    expect(proof.status).toBe(200);
    const verified = await verifyConsistencyProofAgainstJwks(proof.body, jwks);
    expect(verified.to.treeSize).toBe(second.treeSize);
  });

  it('refuses bad consistency queries with problem+json naming the field', async () => {
    for (const [query, path] of [
      ['from=0&to=1', '/from'],
      ['from=abc&to=1', '/from'],
      ['from=1', '/to'],
      ['from=2&to=1', '/to'],
      ['from=1&to=999999', '/to'],
      ['from=1&to=1&extra=1', '/extra'],
    ]) {
      const refused = await getJson(`${portal.url}/v1/log/consistency?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
  });

  it('is served by the gateway, the intake and the ethics board too', async () => {
    await appendAndSeal(1);
    for (const module of [GatewayModule, IntakeModule, EthicsBoardModule]) {
      const app = await startTestApp(module, { DATABASE_NAME: environment.config.database.name });
      try {
        const latest = await getJson(`${app.url}/v1/log/checkpoints/latest`);
        expect({ module: module.name, status: latest.status }).toEqual({ module: module.name, status: 200 });
      } finally {
        await app.close();
      }
    }
  });
});
