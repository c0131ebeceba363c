import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { enqueueJob, ValidationFailedError, withTransaction, type RequestContext, Transactions } from '@infobank/platform';
import { perfectSubtreesOf, subtreeKey } from '@infobank/transparency-log';
import { initialProgress, verificationRange, type LogVerificationFailure, type LogVerificationTrigger } from '../domain/log-verification';
import { LogLedgerReader } from '../infrastructure/log-ledger.reader';
import { LogVerificationStore } from '../infrastructure/log-verification.store';
import { RUN_LOG_VERIFICATION_PAGE_JOB } from '../log-verification.jobs';
import { assertMayVerifyLog, logVerificationView, type LogVerificationView } from './log-verification-view';

/** What to verify: leaves `[fromSize, toSize)` (default: the whole log up to the latest checkpoint). */
export interface StartLogVerificationCommand {
  fromSize?: number;
  toSize?: number;
}

/**
 * Starts a full log verification run. A board member's or the schedule's run is worked by the worker,
 * page by page (the outbox job carries the run's id only); the operator's CLI runs the pages itself.
 */
@Injectable()
export class StartLogVerificationUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(
    ctx: RequestContext,
    command: StartLogVerificationCommand,
    options: { inline?: boolean } = {},
  ): Promise<LogVerificationView> {
    assertMayVerifyLog(ctx.actor);
    return this.transactions.run(ctx, async ({ transaction: manager }) => {
      const reader = new LogLedgerReader(manager);
      const range = verificationRange(command, await reader.latestTreeSize());
      if ('problem' in range) throw new ValidationFailedError([range.problem]);
      // Before fromSize the stored nodes are taken as they are: that prefix is what another run verifies.
      const prefix = perfectSubtreesOf({ start: 0, end: range.fromSize });
      const stored = await reader.nodes(prefix);
      const failures: LogVerificationFailure[] = prefix
        .filter((subtree) => !stored.has(subtreeKey(subtree)))
        .map((subtree) => ({ kind: 'node_missing', leafIndex: subtree.index * 2 ** subtree.level, level: subtree.level }));
      const edge = prefix.map((subtree) => ({
        ...subtree,
        hash: (stored.get(subtreeKey(subtree)) ?? Buffer.alloc(32)).toString('base64url'),
      }));
      const [startCheckpoint] = await reader.checkpoints(range.fromSize - 1, range.fromSize);
      const now = ctx.now();
      const id = randomUUID();
      const row = {
        id,
        trigger: triggerOf(ctx),
        requestedBy: ctx.actor.type === 'board_member' ? ctx.actor.id : null,
        status: 'running' as const,
        fromSize: String(range.fromSize),
        toSize: String(range.toSize),
        nextSize: String(range.fromSize),
        progress: {
          ...initialProgress(edge),
          lastCheckpoint:
            startCheckpoint === undefined
              ? null
              : { treeSize: startCheckpoint.treeSize, rootHash: startCheckpoint.rootHash.toString('base64url') },
        },
        failureCount: failures.length,
        failures,
        resultJws: null,
        requestedAt: now,
        updatedAt: now,
        completedAt: null,
      };
      await new LogVerificationStore(manager).insert(row);
      if (!options.inline) await enqueueJob(withTransaction(ctx, manager), RUN_LOG_VERIFICATION_PAGE_JOB, { verificationId: id });
      return logVerificationView(row);
    });
  }
}

function triggerOf(ctx: RequestContext): LogVerificationTrigger {
  if (ctx.actor.type === 'board_member') return 'board';
  return ctx.actor.type === 'operator' ? 'operator' : 'schedule';
}
