export * from './config/config.schema';
export * from './config/load-config';
export * from './context/request-context';
export * from './database/data-source-options';
export * from './database/database-roles';
export * from './database/migrate';
export * from './errors/domain-error';
export * from './http/create-http-app';
export * from './http/http-foundation.module';
export * from './http/operations-endpoints';
export * from './http/problem-details';
export * from './http/uuid-param';
export { createValidationPipe } from './http/validation';
export * from './logging/logger';
export * from './metrics/metrics.registry';
export * from './outbox/enqueue-job';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-relay.runner';
export * from './platform.module';
export * from './platform.tokens';
export * from './process/run-process';
export * from './queue/job-contract';
export * from './queue/job-execution';
export * from './queue/job-handler';
export * from './queue/job-schedules';
export * from './queue/job-worker-host';
export * from './queue/platform-jobs';
export * from './queue/queue-names';
export * from './queue/queue-registry';
export * from './queue/redis-connection';

import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** The platform's tables. */
export const PLATFORM_ENTITIES = [OutboxMessageEntity];
