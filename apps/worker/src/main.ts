import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { migrateAtBootIfEnabled, PinoNestLogger, runProcess } from '@infobank/platform';
import { WorkerModule } from './worker.module';

void runProcess('worker', async (config, logger) => {
  await migrateAtBootIfEnabled(config, SCHEMA, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.register({ service: 'worker', config, logger, ...SCHEMA }), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
});
