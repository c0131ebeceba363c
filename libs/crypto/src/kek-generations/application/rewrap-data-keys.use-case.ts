import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { Transactions, withoutTransaction, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { GenerationKeyManagementService } from './generation-key-management.service';
import { KekGenerationStore } from '../infrastructure/kek-generation.store';

/** How far the re-wrap into the newest generation has got. */
export interface RewrapProgressReport {
  /** The generation data keys are re-wrapped into (null: no generation yet, nothing to do). */
  generation: number | null;
  /** Data keys moved into it so far, over all runs. */
  rewrappedKeys: number;
  /** Live data keys still under an older generation or a legacy KEK. */
  remainingKeys: number;
  /** rewrappedKeys / (rewrappedKeys + remainingKeys), 100 when nothing remains. */
  percent: number;
  /** When a pass last found nothing left to re-wrap (null while keys remain). */
  completedAt: Date | null;
}

/** One run of the re-wrap: its progress, and whether it stopped because everything is done. */
export interface RewrapRun extends RewrapProgressReport {
  rewrappedThisRun: number;
  done: boolean;
}

export interface RewrapCommand {
  /** Data keys per transaction (default 500). */
  batchSize?: number;
  /** Stop after this many batches even if keys remain (default: no limit). */
  maxBatches?: number;
  /** Stop starting batches once this much time (ms) has passed since the run began, e.g. a scheduled job's budget. */
  timeBudgetMs?: number;
  /** Called after each committed batch. */
  onProgress?: (progress: RewrapProgressReport) => void;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Re-wraps every live data key under the newest KEK generation, in batches of individuals in id order.
 * Each batch is one transaction that locks its data keys, re-wraps them (the data keys themselves do not
 * change, so every ciphertext stays readable) and moves the stored cursor with them: a run that is
 * interrupted (crash, deploy, time budget) loses at most its open batch, and the next run resumes at the
 * cursor. At the end of the key order a pass starts again from the beginning until none remains, which
 * also catches keys a process wrapped under the previous generation before it noticed the rotation.
 * A pass that finds nothing records each retired generation left without live keys as drained.
 */
@Injectable()
export class RewrapDataKeysUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: KekGenerationStore,
    @Inject(GenerationKeyManagementService) private readonly keyManagement: GenerationKeyManagementService,
  ) {}

  async execute(ctx: RequestContext, command: RewrapCommand = {}): Promise<RewrapRun> {
    const batchSize = command.batchSize ?? DEFAULT_BATCH_SIZE;
    // The budget is elapsed time, measured on the monotonic clock; ctx.now() is the time recorded.
    const deadline = performance.now() + (command.timeBudgetMs ?? Infinity);
    const outside = withoutTransaction(ctx);
    let rewrappedThisRun = 0;
    for (let batch = 0; ; batch += 1) {
      const outOfTime = (command.maxBatches !== undefined && batch >= command.maxBatches) || deadline <= performance.now();
      const step = outOfTime ? undefined : await this.transactions.runOwn(ctx, (tx) => this.step(tx, batchSize));
      if (step !== undefined) rewrappedThisRun += step.moved;
      if (step === undefined || step.done) {
        const report = await this.progress(outside);
        return { ...report, rewrappedThisRun, done: step?.done ?? false };
      }
      if (step.moved > 0) command.onProgress?.(await this.progress(outside));
    }
  }

  /** The re-wrap's progress as it stands (what `keys:kek-status` shows). */
  async progress(ctx: RequestContext): Promise<RewrapProgressReport> {
    const newest = await this.store.newest(ctx);
    if (newest === null) {
      return {
        generation: null,
        rewrappedKeys: 0,
        remainingKeys: await this.store.dataKeysBehind(ctx, 1),
        percent: 0,
        completedAt: null,
      };
    }
    const progress = await this.store.progress(ctx, newest.generation);
    const remainingKeys = await this.store.dataKeysBehind(ctx, newest.generation);
    const total = progress.rewrappedKeys + remainingKeys;
    const percent = total === 0 ? 100 : Math.floor((progress.rewrappedKeys * 1000) / total) / 10;
    return {
      generation: newest.generation,
      rewrappedKeys: progress.rewrappedKeys,
      remainingKeys,
      percent,
      completedAt: progress.completedAt,
    };
  }

  private async step(tx: TransactionalContext, batchSize: number): Promise<{ moved: number; done: boolean }> {
    const now = tx.now();
    // Locks the newest generation's row: two runs (worker and CLI) take turns batch by batch.
    const newest = await this.store.newest(tx, true);
    if (newest === null) return { moved: 0, done: true };
    const progress = await this.store.progress(tx, newest.generation);
    const behind = await this.store.nextBehind(tx, newest.generation, progress.cursor, batchSize);
    if (behind.length === 0) {
      if (progress.cursor !== null) {
        await this.store.saveProgress(tx, newest.generation, { ...progress, cursor: null });
        return { moved: 0, done: false };
      }
      await this.store.markDrained(tx, now);
      if (progress.completedAt === null) await this.store.saveProgress(tx, newest.generation, { ...progress, completedAt: now });
      return { moved: 0, done: true };
    }
    const rewrapped = [];
    for (const key of behind) {
      const dataKey = await this.keyManagement.unwrapDataKey(key.kekId, key.wrappedKey);
      try {
        const wrapped = await this.keyManagement.wrapUnderGeneration(dataKey, newest.generation);
        rewrapped.push({ subjectId: key.subjectId, ...wrapped });
      } finally {
        dataKey.fill(0);
      }
    }
    const oldGenerations = [
      ...new Set(behind.map((key) => key.kekGeneration).filter((generation): generation is number => generation !== null)),
    ];
    await this.store.storeRewrapped(tx, newest.generation, rewrapped, oldGenerations);
    await this.store.saveProgress(tx, newest.generation, {
      rewrappedKeys: progress.rewrappedKeys + behind.length,
      cursor: behind[behind.length - 1].subjectId,
      completedAt: null,
    });
    return { moved: behind.length, done: false };
  }
}
