import { Inject, Injectable } from '@nestjs/common';
import { Transactions, withoutTransaction, type RequestContext } from '@infobank/platform';
import { GenerationKeyManagementService } from './generation-key-management.service';
import { KekGenerationFiles } from '../infrastructure/kek-generation-files';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';

/** What a rotation made: the new generation and the one it retired (null for the first). */
export interface RotatedKek {
  generation: number;
  retiredGeneration: number | null;
}

/**
 * Makes a new KEK generation the one that wraps new data keys: its key is written to a new file (never
 * over an existing one) and the database records the generation, retiring the previous one. Processes
 * learn the newest generation from the database, so a file left by a crash before the commit is never
 * used. Re-wrapping the live data keys under it is RewrapDataKeysUseCase's work.
 */
@Injectable()
export class RotateKekUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    @Inject(GenerationKeyManagementService) private readonly keyManagement: GenerationKeyManagementService,
  ) {}

  async execute(ctx: RequestContext): Promise<RotatedKek> {
    const now = ctx.now();
    let created: number | undefined;
    try {
      const rotated = await this.transactions.runOwn(ctx, async (tx) => {
        await this.store.lockForRotation(tx);
        const previous = await this.store.newest(tx);
        const listing = await this.files.list();
        // Past every number in the database and the directory, so no file is ever reused.
        const generation = Math.max(await this.store.highestGeneration(tx), ...listing.held, ...listing.pending, 0) + 1;
        await this.files.createPending(generation);
        created = generation;
        await this.store.activate(tx, generation, now);
        // Usable before the commit makes the generation visible, so no process is told of a key it cannot read.
        await this.files.activate(generation);
        return { generation, retiredGeneration: previous?.generation ?? null };
      });
      this.keyManagement.forget();
      return rotated;
    } catch (error) {
      // Not recorded: the new key never wrapped anything, so it goes.
      if (created !== undefined && !(await this.store.exists(withoutTransaction(ctx), created))) await this.files.erase(created);
      throw error;
    }
  }
}
