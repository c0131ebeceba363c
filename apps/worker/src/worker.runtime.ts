import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  APP_CONFIG,
  AppConfig,
  assertEveryJobHasOneHandler,
  BoundJob,
  JOB_HANDLER_METADATA,
  JobContract,
  JobHandler,
  JobWorkerHost,
  LOGGER,
  OutboxRelay,
  OutboxRelayRunner,
  QueueRegistry,
  REDIS,
  type RedisClient,
} from '@infobank/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

/** Injection token of the job contracts this worker must serve. */
export const JOB_CONTRACTS = Symbol('JOB_CONTRACTS');

/**
 * Finds every job handler, refuses to start unless each contract has exactly one, then runs the BullMQ
 * workers, the outbox relay and the check that keeps every schedule in Redis; on shutdown stops taking
 * work and lets running jobs finish.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private host?: JobWorkerHost;
  private relay?: OutboxRelayRunner;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(JOB_CONTRACTS) private readonly contracts: readonly JobContract<unknown>[],
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      // A worker that cannot start must not hold connections open while the process reports the failure.
      await this.onApplicationShutdown();
      this.redis.disconnect();
      await this.queues.close();
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
      throw error;
    }
  }

  private async start(): Promise<void> {
    const jobs = this.discoverHandlers();
    assertEveryJobHasOneHandler(
      this.contracts,
      jobs.map((job) => ({ contract: job.contract, handlerName: job.handler.constructor.name })),
    );
    this.host = new JobWorkerHost(this.config, this.dataSource, this.queues, this.logger);
    await this.host.start(jobs);
    const relay = new OutboxRelay(this.dataSource, this.queues, this.logger, this.config.outbox, this.contracts);
    this.relay = new OutboxRelayRunner(relay, this.logger, this.config.outbox, {
      keeper: this.host.schedules,
      checkIntervalMs: this.config.schedules.checkIntervalMs,
    });
    this.relay.start();
    this.logger.info({ jobs: jobs.map((job) => job.contract.name) }, 'worker started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.host?.stop(this.config.http.shutdownTimeoutMs);
  }

  private discoverHandlers(): BoundJob[] {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype))
      .map((wrapper) => ({
        contract: Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype as object) as JobContract<unknown>,
        handler: wrapper.instance as JobHandler<unknown>,
      }));
  }
}
