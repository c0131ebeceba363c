import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    private readonly dataSource: DataSource,
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    private readonly rotate: RotateKekUseCase,
    private readonly rewrap: RewrapDataKeysUseCase,
    private readonly destroy: DestroyKekGenerationUseCase,
    @Inject(KEK_GENERATION_POLICY) private readonly policy: KekGenerationPolicy,
  ) {}

  async execute(command: { now: Date; timeBudgetMs: number }): Promise<KekMaintenance> {
    const deadline = Date.now() + command.timeBudgetMs;
    const manager = this.dataSource.manager;
    const rotatedTo = rotationDue(await this.store.newest(manager), command.now, this.policy)
      ? (await this.rotate.execute({ now: command.now })).generation
      : null;
    const run = await this.rewrap.execute({ now: command.now, deadline });
    const destroyed: number[] = [];
    const live = await this.store.liveDataKeys(manager);
    for (const generation of await this.store.all(manager)) {
      if (generation.state === 'destroyed') {
        await this.files.erase(generation.generation); // finishes an erasure a crash interrupted
        continue;
      }
      if (!mayDestroy(generation, live.get(generation.generation) ?? 0, command.now, this.policy).allowed) continue;
      try {
        // Checked again under the row lock inside; this pass only picks candidates.
        await this.destroy.execute({ generation: generation.generation, now: command.now });
        destroyed.push(generation.generation);
      } catch (error) {
        // A data key arrived under it since the count: the next run re-wraps it and tries again.
        if (!isCryptoError(error, 'INVALID_ARGUMENT')) throw error;
      }
    }
    return { rotatedTo, rewrapped: run.rewrappedThisRun, rewrapDone: run.done, destroyed };
  }
}
