import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { migrateAtBootIfEnabled, PinoNestLogger, runProcess, serveWorkerOperations } from '@infobank/platform';
import { collectWorkerGauges } from './operations/worker-gauges';
import { WorkerModule } from './worker.module';

void runProcess('worker', async (config, logger) => {
  await migrateAtBootIfEnabled(config, SCHEMA, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.register({ service: 'worker', config, logger, ...SCHEMA }), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  // /health for the container's health check and /metrics for Prometheus, on WORKER_PORT (it ends with the process).
  await serveWorkerOperations(app, config, logger, collectWorkerGauges);
});
