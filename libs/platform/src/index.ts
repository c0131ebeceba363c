export * from './config/infrastructure/config.schema';
export * from './config/infrastructure/load-config';
export * from './context/application/actor-guards';
export * from './context/application/request-context';
export * from './database/infrastructure/data-source-options';
export * from './database/infrastructure/database-roles';
export * from './database/infrastructure/migrate';
export * from './database/infrastructure/transactions';
export * from './errors/domain/domain-error';
export * from './http/http/create-http-app';
export * from './http/http/http-foundation.module';
export * from './http/http/operations-endpoints';
export * from './http/http/problem-details';
export { createValidationPipe } from './http/http/validation';
export * from './http/http/uuid-param';
export * from './logging/infrastructure/logger';
export * from './metrics/infrastructure/metrics.registry';
export * from './outbox/infrastructure/enqueue-job';
export * from './outbox/infrastructure/outbox-message.entity';
export * from './outbox/infrastructure/outbox-relay';
export * from './outbox/infrastructure/outbox-relay.runner';
export * from './platform.module';
export * from './platform.tokens';
export * from './process/infrastructure/run-process';
export * from './queue/infrastructure/job-contract';
export * from './queue/infrastructure/job-execution';
export * from './queue/infrastructure/job-handler';
export * from './queue/infrastructure/job-schedules';
export * from './queue/infrastructure/job-worker-host';
export * from './queue/infrastructure/platform-jobs';
export * from './queue/infrastructure/queue-names';
export * from './queue/infrastructure/queue-registry';
export * from './queue/infrastructure/redis-connection';

import { OutboxMessageEntity } from './outbox/infrastructure/outbox-message.entity';

/** The platform's tables. */
export const PLATFORM_ENTITIES = [OutboxMessageEntity];
export * from './values/domain/query-values';
