import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { enqueueJob, withTransaction, type RequestContext, Transactions } from '@infobank/platform';
import type { EntityManager } from 'typeorm';
import { keepFailures, MAX_KEPT_FAILURES, type LogVerificationFailure } from '../domain/log-verification';
import type { LogVerificationEntity } from '../infrastructure/log-verification.entity';
import { LogLedgerReader } from '../infrastructure/log-ledger.reader';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { RUN_LOG_VERIFICATION_PAGE_JOB } from '../log-verification.jobs';
import { LogVerificationNotFoundError } from '../log-verification.errors';
import { checkLogPage } from './check-log-page';
import {
  assertMayVerifyLog,
  LOG_VERIFICATION_PAGE_LEAVES,
  LOG_VERIFICATION_RESULT_TYPE,
  logVerificationView,
  type LogVerificationView,
} from './log-verification-view';

/**
 * Checks the next page of a run, in one transaction with its progress, so a crash loses at most the
 * page in hand and a repeated delivery finds the page done. After the last page it checks that every
 * ledger row still has its leaf, signs the result and, on any failure, notifies the board.
 * With `enqueueNext` (the worker), a run that is not finished enqueues its next page.
 */
@Injectable()
export class RunLogVerificationPageUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly keyRing: BankKeyRing,
  ) {}

  async execute(
    ctx: RequestContext,
    verificationId: string,
    options: { enqueueNext: boolean; pageLeaves?: number },
  ): Promise<LogVerificationView> {
    assertMayVerifyLog(ctx.actor);
    return this.transactions.run(ctx, async ({ transaction: manager }) => {
      const store = new LogVerificationStore(manager);
      const run = await store.lock(verificationId);
      if (run === null) throw new LogVerificationNotFoundError();
      if (run.status !== 'running') return logVerificationView(run);
      const reader = new LogLedgerReader(manager);
      const start = Number(run.nextSize);
      const end = Math.min(Number(run.toSize), start + (options.pageLeaves ?? LOG_VERIFICATION_PAGE_LEAVES));
      const page = await checkLogPage(reader, this.keyRing.publicJwks(), run.progress, start, end);
      let failures = keepFailures(run.failures, page.failures);
      let failureCount = run.failureCount + page.failures.length;
      const finished = end >= Number(run.toSize);
      if (finished) {
        const orphans: LogVerificationFailure[] = (await reader.entriesWithoutLeaf(MAX_KEPT_FAILURES)).map((entry) => ({
          kind: 'entry_without_leaf',
          leafIndex: null,
          entry,
        }));
        failures = keepFailures(failures, orphans);
        failureCount += orphans.length;
      }
      const now = ctx.now();
      const status = !finished ? 'running' : failureCount === 0 ? 'passed' : 'failed';
      const progress = { ...page.progress, ledgerRowsChecked: finished };
      const completed = {
        ...run,
        status,
        nextSize: String(end),
        progress,
        failures,
        failureCount,
        updatedAt: now,
      } as LogVerificationEntity;
      const resultJws = finished ? await this.signResult(completed, now) : null;
      await store.update(run.id, {
        status,
        nextSize: end,
        progress,
        failures,
        failureCount,
        resultJws,
        updatedAt: now,
        completedAt: finished ? now : null,
      });
      if (finished && failureCount > 0) await this.notifyBoard(store, completed, now);
      if (!finished && options.enqueueNext) await this.enqueueNext(ctx, manager, run.id);
      return logVerificationView({ ...completed, resultJws, completedAt: finished ? now : null });
    });
  }

  private signResult(run: LogVerificationEntity, now: Date): Promise<string> {
    return this.keyRing.signJws(
      {
        verificationId: run.id,
        fromSize: Number(run.fromSize),
        toSize: Number(run.toSize),
        status: run.status,
        leavesChecked: run.progress.leavesChecked,
        checkpointsChecked: run.progress.checkpointsChecked,
        failureCount: run.failureCount,
        failures: run.failures,
        completedAt: now.toISOString(),
      },
      { typ: LOG_VERIFICATION_RESULT_TYPE },
    );
  }

  private notifyBoard(store: LogVerificationStore, run: LogVerificationEntity, now: Date): Promise<void> {
    const kinds = [...new Set(run.failures.map((failure) => failure.kind))];
    return store.notifyBoard({
      id: randomUUID(),
      kind: 'log_verification_failed',
      subjectId: run.id,
      summary: { trigger: run.trigger, failureCount: run.failureCount, kinds, fromSize: Number(run.fromSize), toSize: Number(run.toSize) },
      createdAt: now,
    });
  }

  private async enqueueNext(ctx: RequestContext, manager: EntityManager, verificationId: string): Promise<void> {
    await enqueueJob(withTransaction(ctx, manager), RUN_LOG_VERIFICATION_PAGE_JOB, { verificationId });
  }
}
