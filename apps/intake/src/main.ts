import { SCHEMA } from '@infobank/migrations';
import { runProcess, startHttpApp } from '@infobank/platform';
import { IntakeModule } from './intake.module';

const description = "The providers' API (情報提供元向け): linking customers and depositing their records.";

void runProcess('intake', async (config, logger) => {
  await startHttpApp(IntakeModule, {
    service: 'intake',
    title: 'Infobank intake API',
    description,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.intake,
  });
});
