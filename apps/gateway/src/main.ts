import { SCHEMA } from '@infobank/migrations';
import { runProcess, startHttpApp } from '@infobank/platform';
import { GatewayModule } from './gateway.module';

const description = "The recipients' API (提供先向け): offers, transfers and deletion attestations.";

void runProcess('gateway', async (config, logger) => {
  await startHttpApp(GatewayModule, {
    service: 'gateway',
    title: 'Infobank gateway API',
    description,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.gateway,
  });
});
