import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { defineJob } from '@infobank/platform';
import { testConfig, testLogger } from '../../../test/support/platform';
import { ALL_JOBS, WorkerModule } from './worker.module';

describe('worker start', () => {
  const options = { service: 'worker', config: testConfig(), logger: testLogger(), ...SCHEMA };

  it('refuses to start when a job name has no handler, naming the job', async () => {
    const orphan = defineJob({ queue: 'notifications', name: 'test.orphan', fields: { noticeId: 'uuid' } });
    await expect(
      NestFactory.createApplicationContext(WorkerModule.register({ ...options, jobs: [...ALL_JOBS, orphan] }), {
        logger: false,
        abortOnError: false,
      }),
    ).rejects.toThrow('job "test.orphan" has no handler');
  });

  it('starts when every job has exactly one handler, and stops cleanly', async () => {
    const app = await NestFactory.createApplicationContext(WorkerModule.register(options), { logger: false, abortOnError: false });
    await app.close();
  });
});
