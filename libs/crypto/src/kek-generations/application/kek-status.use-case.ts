import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { destroyableFrom, nextRotationAt, type KekGeneration, type KekGenerationPolicy } from '../domain/kek-generation';
import { KekGenerationFiles } from '../infrastructure/kek-generation-files';
import { KEK_GENERATION_POLICY } from '../kek-generation.tokens';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';
import { RewrapDataKeysUseCase, type RewrapProgressReport } from './rewrap-data-keys.use-case';

/** One generation as the operator sees it: its record, the live data keys under it, its key file. */
export interface KekGenerationStatus extends KekGeneration {
  liveDataKeys: number;
  /** `held`: its file is in the directory; `erased`: destroyed and gone; `missing`: should be there and is not. */
  keyFile: 'held' | 'pending' | 'erased' | 'missing' | 'not erased';
  /** When it may be destroyed (retired and drained); null otherwise. */
  destroyableFrom: Date | null;
}

/** What `keys:kek-status` prints. */
export interface KekStatus {
  directory: string;
  rotationDays: number;
  backupRetentionDays: number;
  /** When the worker makes the next generation (null: at its next run, there is none yet). */
  nextRotationAt: Date | null;
  generations: KekGenerationStatus[];
  /** Live data keys still wrapped by a legacy KEK from config (BANK_KEK or `<keys>/kek`). */
  legacyDataKeys: number;
  rewrap: RewrapProgressReport;
}

/** The state of the KEK generations, their files, the live data keys under each and the re-wrap's progress. */
@Injectable()
export class KekStatusUseCase {
  constructor(
    private readonly store: KekGenerationStore,
    private readonly files: KekGenerationFiles,
    private readonly rewrap: RewrapDataKeysUseCase,
    @Inject(KEK_GENERATION_POLICY) private readonly policy: KekGenerationPolicy,
  ) {}

  async execute(ctx: RequestContext): Promise<KekStatus> {
    const generations = await this.store.all(ctx);
    const live = await this.store.liveDataKeys(ctx);
    const listing = await this.files.list();
    const held = new Set(listing.held);
    const pending = new Set(listing.pending);
    const newest = generations.find((generation) => generation.state === 'active') ?? null;
    return {
      directory: this.files.directory,
      rotationDays: this.policy.rotationDays,
      backupRetentionDays: this.policy.backupRetentionDays,
      nextRotationAt: nextRotationAt(newest, this.policy),
      generations: generations.map((generation) => {
        const present = held.has(generation.generation);
        const keyFile =
          generation.state === 'destroyed'
            ? present || pending.has(generation.generation)
              ? 'not erased'
              : 'erased'
            : present
              ? 'held'
              : pending.has(generation.generation)
                ? 'pending'
                : 'missing';
        return {
          ...generation,
          liveDataKeys: live.get(generation.generation) ?? 0,
          keyFile,
          destroyableFrom: destroyableFrom(generation, this.policy),
        };
      }),
      legacyDataKeys: live.get(null) ?? 0,
      rewrap: await this.rewrap.progress(ctx),
    };
  }
}
