import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { TransparencyLog } from '@infobank/transparency-log';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../test/support/platform';
import { WorkerModule } from '../worker.module';

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
      const log = new TransparencyLog(environment.dataSource);
      const ids = await environment.dataSource.transaction(async (manager) => [
        await log.append(manager, { kind: 'test.leaf', body: Buffer.from('one') }),
        await log.append(manager, { kind: 'test.leaf', body: Buffer.from('two') }),
      ]);
      const proofs = await eventually(
        'the scheduled sealer',
        async () => {
          const found = await Promise.all(ids.map((id) => log.inclusionProof(id)));
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
