import { NestFactory } from '@nestjs/core';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { SCHEMA } from '@infobank/migrations';
import { TransparencyLog, TransparencyLogStore } from '@infobank/transparency-log';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../test/support/platform';
import { WorkerModule } from '../worker.module';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

describe('the worker seals the transparency log on its own', () => {
  let environment: IsolatedEnvironment;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
  });
  afterAll(async () => {
    await environment?.dispose();
  });

  it('gives appended leaves an inclusion proof within a few seconds, without anyone asking', async () => {
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger(), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    try {
      const log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
      const ids = await environment.dataSource.transaction(async (manager) => [
        await log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from('one') }),
        await log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from('two') }),
      ]);
      const proofs = await eventually(
        'the scheduled sealer',
        async () => {
          const found = await Promise.all(ids.map((id) => log.inclusionProof(logCtx, id)));
          return found.every((proof) => proof !== null) ? found : null;
        },
        15_000,
      );
      expect(proofs.map((proof) => proof!.leafIndex).sort()).toEqual([0, 1]);
    } finally {
      await worker.close();
    }
  });
});
