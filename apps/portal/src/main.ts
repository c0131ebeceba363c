import { SCHEMA } from '@infobank/migrations';
import { runProcess, startHttpApp } from '@infobank/platform';
import { PortalModule } from './portal.module';

const description = "The individuals' API (本人向け): links, consents, provision history, disclosure requests.";

void runProcess('portal', async (config, logger) => {
  await startHttpApp(PortalModule, {
    service: 'portal',
    title: 'Infobank portal API',
    description,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.portal,
  });
});
