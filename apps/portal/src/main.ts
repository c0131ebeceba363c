import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { PORTAL_ERROR_STATUS } from './portal.errors';
import { PortalModule } from './portal.module';

const description = "The individuals' API (本人向け): links, consents, provision history, disclosure requests.";

void runProcess('portal', async (config, logger) => {
  await startHttpApp(PortalModule, {
    service: 'portal',
    title: 'Infobank portal API',
    description,
    config,
    logger,
    errorStatus: PORTAL_ERROR_STATUS,
    ...SCHEMA,
    port: config.http.ports.portal,
    metricsPort: metricsPortFor(config, 'portal'),
  });
});
