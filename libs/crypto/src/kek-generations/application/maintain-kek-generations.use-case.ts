import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { isCryptoError } from '../../crypto.errors';
import { mayDestroy, rotationDue, type KekGenerationPolicy } from '../domain/kek-generation';
import { KekGenerationFiles } from '../infrastructure/kek-generation-files';
import { KEK_GENERATION_POLICY } from '../kek-generation.tokens';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';
import { DestroyKekGenerationUseCase } from './destroy-kek-generation.use-case';
import { RewrapDataKeysUseCase } from './rewrap-data-keys.use-case';
import { RotateKekUseCase } from './rotate-kek.use-case';

/** What one scheduled run did. */
export interface KekMaintenance {
  rotatedTo: number | null;
  rewrapped: number;
  rewrapDone: boolean;
  destroyed: number[];
}

/**
 * The worker's schedule for KEK generations: rotates when the newest generation is `rotationDays` old
 * (or none exists), re-wraps live data keys under the newest for at most the time budget (the next run
 * resumes), and destroys every retired generation that `mayDestroy` allows. So a backup's data keys stop
 * being readable at most rotationDays + re-wrap time + backupRetentionDays after the backup was taken.
 */
@Injectable()
export class MaintainKekGenerationsUseCase {
  constructor(
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    private readonly rotate: RotateKekUseCase,
    private readonly rewrap: RewrapDataKeysUseCase,
    private readonly destroy: DestroyKekGenerationUseCase,
    @Inject(KEK_GENERATION_POLICY) private readonly policy: KekGenerationPolicy,
  ) {}

  async execute(ctx: RequestContext, command: { timeBudgetMs: number }): Promise<KekMaintenance> {
    // The budget is elapsed time, measured on the monotonic clock; ctx.now() is the time the rules see.
    const started = performance.now();
    const now = ctx.now();
    const rotatedTo = rotationDue(await this.store.newest(ctx), now, this.policy) ? (await this.rotate.execute(ctx)).generation : null;
    const run = await this.rewrap.execute(ctx, { timeBudgetMs: command.timeBudgetMs - (performance.now() - started) });
    const destroyed: number[] = [];
    const live = await this.store.liveDataKeys(ctx);
    for (const generation of await this.store.all(ctx)) {
      if (generation.state === 'destroyed') {
        await this.files.erase(generation.generation); // finishes an erasure a crash interrupted
        continue;
      }
      if (!mayDestroy(generation, live.get(generation.generation) ?? 0, now, this.policy).allowed) continue;
      try {
        // Checked again under the row lock inside; this pass only picks candidates.
        await this.destroy.execute(ctx, { generation: generation.generation });
        destroyed.push(generation.generation);
      } catch (error) {
        // A data key arrived under it since the count: the next run re-wraps it and tries again.
        if (!isCryptoError(error, 'INVALID_ARGUMENT')) throw error;
      }
    }
    return { rotatedTo, rewrapped: run.rewrappedThisRun, rewrapDone: run.done, destroyed };
  }
}
