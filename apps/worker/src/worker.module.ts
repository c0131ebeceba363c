import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CryptoModule } from '@infobank/crypto';
import { OFFER_JOBS } from '@infobank/offers';
import { JobContract, PLATFORM_JOBS, PlatformModule, PlatformOptions } from '@infobank/platform';
import { ReviewModule } from '@infobank/review';
import { OpenReviewCaseProcessor } from './processors/review.processor';
import { PruneOutboxProcessor } from './processors/schedules.processor';
import { JOB_CONTRACTS, WorkerRuntime } from './worker.runtime';

/** Every job contract in Infobank; each library's list is added here as it lands. */
export const ALL_JOBS: readonly JobContract<unknown>[] = [...PLATFORM_JOBS, ...OFFER_JOBS];

/** Every job handler the worker runs. */
export const PROCESSORS: Provider[] = [PruneOutboxProcessor, OpenReviewCaseProcessor];

/** The worker process: BullMQ processors, the outbox relay and reconciler, and schedules. */
@Module({})
export class WorkerModule {
  static register(options: PlatformOptions & { jobs?: readonly JobContract<unknown>[]; processors?: Provider[] }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(options), CryptoModule.forPlatform(), DiscoveryModule, ReviewModule],
      providers: [{ provide: JOB_CONTRACTS, useValue: options.jobs ?? ALL_JOBS }, ...(options.processors ?? PROCESSORS), WorkerRuntime],
    };
  }
}
