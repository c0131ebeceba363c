import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { PORTAL_HTTP_OPTIONS, PortalModule } from './portal.module';

void runProcess('portal', async (config, logger) => {
  await startHttpApp(PortalModule, {
    service: 'portal',
    ...PORTAL_HTTP_OPTIONS,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.portal,
    metricsPort: metricsPortFor(config, 'portal'),
  });
});
