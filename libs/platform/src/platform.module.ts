import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type MixedList } from 'typeorm';
import type { AppConfig } from './config/infrastructure/config.schema';
import { buildDataSourceOptions, buildReplicaDataSourceOptions } from './database/infrastructure/data-source-options';
import { DatabaseRoleCheck } from './database/infrastructure/database-role-check';
import { ReadYourWrites } from './database/infrastructure/read-your-writes';
import { ReplicaReads } from './database/infrastructure/replica-reads';
import { Transactions } from './database/infrastructure/transactions';
import { isDependencyOutage } from './http/http/dependency-outage';
import { MetricsRegistry } from './metrics/infrastructure/metrics.registry';
import { OutboxInspector } from './outbox/infrastructure/outbox-inspector';
import { APP_CONFIG, LOGGER, REDIS } from './platform.tokens';
import { QueueRegistry } from './queue/infrastructure/queue-registry';
import { createFailFastRedis, type RedisClient } from './queue/infrastructure/redis-connection';

type Constructor = new (...args: never[]) => unknown;

/** What a process hands the platform: its config, its logger and the schema it works with. */
export interface PlatformOptions {
  config: AppConfig;
  logger: Logger;
  service: string;
  entities: MixedList<Constructor>;
  migrations?: Constructor[];
}

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly queues: QueueRegistry,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.redis.disconnect();
  }
}

/** Config, logger, Postgres (TypeORM), Redis and queues for one process; imported once by each app. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(
            options.config,
            { entities: options.entities, migrations: options.migrations },
            { applicationName: `infobank-${options.service}` },
          ),
          // A process that cannot reach Postgres at start retries for about 20 s, then exits non-zero; a
          // database that does not exist (3D000) or a refused login (28P01) will not heal by waiting: it exits at once.
          retryAttempts: 10,
          retryDelay: 2_000,
          toRetry: (error: unknown) => isDependencyOutage(error),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        { provide: REDIS, useFactory: () => createFailFastRedis(options.config, options.logger) },
        { provide: QueueRegistry, useFactory: () => new QueueRegistry(options.config) },
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry(options.service) },
        {
          provide: ReadYourWrites,
          inject: [DataSource, REDIS],
          useFactory: (dataSource: DataSource, redis: RedisClient) => {
            const replica = options.config.database.readReplica;
            // A mark outlives the lag bound a little: past it, the bound alone keeps replica reads fresh enough.
            return new ReadYourWrites(
              replica === null ? null : { primary: dataSource, redis, logger: options.logger, keepMs: replica.maxLagMs + 1_000 },
            );
          },
        },
        {
          provide: ReplicaReads,
          inject: [DataSource, ReadYourWrites],
          useFactory: (dataSource: DataSource, writes: ReadYourWrites) => {
            const replica = options.config.database.readReplica;
            if (replica === null) return new ReplicaReads(dataSource, null);
            return new ReplicaReads(dataSource, {
              options: buildReplicaDataSourceOptions(options.config, { entities: options.entities }, `infobank-${options.service}-replica`),
              maxLagMs: replica.maxLagMs,
              writes,
              logger: options.logger,
            });
          },
        },
        {
          provide: Transactions,
          inject: [DataSource, ReadYourWrites],
          useFactory: (dataSource: DataSource, writes: ReadYourWrites) => new Transactions(dataSource, writes),
        },
        OutboxInspector,
        ConnectionCloser,
        // The operator CLI migrates as the owner role; the role check is for the apps and the worker.
        ...(options.service === 'admin' ? [] : [DatabaseRoleCheck]),
      ],
      exports: [APP_CONFIG, LOGGER, REDIS, QueueRegistry, MetricsRegistry, Transactions, ReplicaReads, OutboxInspector],
    };
  }
}
