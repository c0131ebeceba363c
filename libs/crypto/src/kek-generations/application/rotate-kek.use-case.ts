import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GenerationKeyManagementService } from '../generation-key-management.service';
import { KekGenerationFiles } from '../kek-generation-files';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';

/** What a rotation made: the new generation and the one it retired (null for the first). */
export interface RotatedKek {
  generation: number;
  retiredGeneration: number | null;
}

/**
 * Makes a new KEK generation the one that wraps new data keys. The key is written as a pending file,
 * the database records the generation (retiring the previous one), and only then does the file become
 * usable; so every generation a process wraps under is one the database knows. Re-wrapping the live
 * data keys under it is RewrapDataKeysUseCase's work.
 */
@Injectable()
export class RotateKekUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    @Inject(GenerationKeyManagementService) private readonly keyManagement: GenerationKeyManagementService,
  ) {}

  async execute(command: { now: Date }): Promise<RotatedKek> {
    let created: number | undefined;
    try {
      const rotated = await this.dataSource.transaction(async (manager) => {
        await this.store.lockForRotation(manager);
        await this.reconcileLocked(manager);
        const previous = await this.store.newest(manager);
        const listing = await this.files.list();
        // Past every number in the database and the directory, so a file left by a crash is never reused.
        const generation = Math.max(await this.store.highestGeneration(manager), ...listing.held, ...listing.pending, 0) + 1;
        await this.files.createPending(generation);
        created = generation;
        await this.store.activate(manager, generation, command.now);
        return { generation, retiredGeneration: previous?.generation ?? null };
      });
      await this.files.activate(rotated.generation);
      this.keyManagement.forget();
      return rotated;
    } catch (error) {
      // Not recorded: the pending key never wrapped anything, so it goes.
      if (created !== undefined && !(await this.recorded(created))) await this.files.erase(created);
      throw error;
    }
  }

  /**
   * Repairs what a crash between the steps of a rotation can leave: a pending file the database recorded
   * is made usable, one it never recorded is erased. Runs under the rotation lock.
   */
  async reconcile(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.store.lockForRotation(manager);
      await this.reconcileLocked(manager);
    });
  }

  private async reconcileLocked(manager: EntityManager): Promise<void> {
    const { pending } = await this.files.list();
    if (pending.length === 0) return;
    const known = new Map((await this.store.all(manager)).map((generation) => [generation.generation, generation.state]));
    for (const generation of pending) {
      const state = known.get(generation);
      if (state === 'active' || state === 'retired') await this.files.activate(generation);
      else await this.files.erase(generation);
    }
    this.keyManagement.forget();
  }

  private async recorded(generation: number): Promise<boolean> {
    return this.store.exists(this.dataSource.manager, generation);
  }
}
