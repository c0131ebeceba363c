import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from './intake.module';

void runProcess('intake', async (config, logger) => {
  await startHttpApp(IntakeModule, {
    service: 'intake',
    ...INTAKE_HTTP_OPTIONS,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.intake,
    metricsPort: metricsPortFor(config, 'intake'),
  });
});
