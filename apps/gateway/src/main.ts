import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from './gateway.module';

void runProcess('gateway', async (config, logger) => {
  await startHttpApp(GatewayModule, {
    service: 'gateway',
    ...GATEWAY_HTTP_OPTIONS,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.gateway,
    metricsPort: metricsPortFor(config, 'gateway'),
  });
});
