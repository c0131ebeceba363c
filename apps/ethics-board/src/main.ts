import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { ETHICS_BOARD_HTTP_OPTIONS, EthicsBoardModule } from './ethics-board.module';

void runProcess('ethics-board', async (config, logger) => {
  await startHttpApp(EthicsBoardModule, {
    service: 'ethics-board',
    ...ETHICS_BOARD_HTTP_OPTIONS,
    config,
    logger,
    ...SCHEMA,
    port: config.http.ports.ethicsBoard,
    metricsPort: metricsPortFor(config, 'ethicsBoard'),
  });
});
