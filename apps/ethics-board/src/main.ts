import { SCHEMA } from '@infobank/migrations';
import { metricsPortFor, runProcess, startHttpApp } from '@infobank/platform';
import { ETHICS_BOARD_ERROR_STATUS } from './ethics-board.errors';
import { EthicsBoardModule } from './ethics-board.module';

const description = "The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits.";

void runProcess('ethics-board', async (config, logger) => {
  await startHttpApp(EthicsBoardModule, {
    service: 'ethics-board',
    title: 'Infobank data ethics board API',
    description,
    config,
    logger,
    errorStatus: ETHICS_BOARD_ERROR_STATUS,
    ...SCHEMA,
    port: config.http.ports.ethicsBoard,
    metricsPort: metricsPortFor(config, 'ethicsBoard'),
  });
});
