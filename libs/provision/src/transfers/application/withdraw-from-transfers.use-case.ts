import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext, requireBankActor } from '@infobank/platform';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { stopWork } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
import type { TransferEntity } from '../infrastructure/transfer.entity';
import { TransferRepository, type WorkScope } from '../infrastructure/transfer.repository';

/** What stopping work in flight did. */
export interface WithdrawnWork {
  transfers: number;
  deniedSubjects: number;
  staleParts: number;
}

/** Which work in flight to stop: that of these consents, offers or individuals (any of them). */
export interface WithdrawFromTransfersCommand {
  consentIds?: string[];
  offerIds?: string[];
  individualIds?: string[];
  reason: DenialReason;
}

/**
 * Stops work in flight when consents end, a stop-use order stops offers, or individuals erase data or
 * close their account (invariant 2, docs/architecture.md §4.2): every subject of those consents, offers or
 * individuals still pending, awaiting approval or in a downloadable part is denied with `reason`; a ready
 * part that held one becomes stale (its package cleared, so its next download is PACKAGE_STALE) and its
 * other subjects go back to pending under the same part number, and the transfer is built again.
 * Locks are taken in TransferRepository's lock order (transfers in id order, before anything a caller
 * locks after this: consents, vault rows). Joins the caller's transaction. The bank's own actors only.
 * Per transfer: load (its subjects in scope, the parts they are ready in, those parts' subjects) → decide
 * (`stopWork`: the lifecycle model, subject by subject) → save (one statement for the parts, one for the subjects).
 */
@Injectable()
export class WithdrawFromTransfersUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: WithdrawFromTransfersCommand): Promise<WithdrawnWork> {
    const { withdrawn } = await this.around(ctx, command, async () => ({ result: undefined, withdraw: true }));
    return withdrawn;
  }

  /**
   * Locks the transfers with work in flight in scope first (id order), then runs the caller's `work` in the
   * same transaction, and stops the work in flight only if `work` says so (with its own reason, if it gives one). For callers whose own locks come
   * after the transfers' in the lock order (docs/architecture.md §6) but who know only afterwards whether
   * work must stop: an erasure deletes vault rows, and only an erasure that removed something stops delivery.
   * Transfers that got work in scope after the locks were taken are left to the delivery re-check and the
   * caller's job (locking them now would take a transfer lock after the caller's own).
   */
  async around<T>(
    ctx: RequestContext,
    command: WithdrawFromTransfersCommand,
    work: () => Promise<{ result: T; withdraw: boolean; reason?: DenialReason }>,
  ): Promise<{ result: T; withdrawn: WithdrawnWork }> {
    requireBankActor(ctx, { code: 'UNAUTHENTICATED', detail: 'Only the bank withdraws work from transfers.' });
    const scope: WorkScope = {
      consentIds: command.consentIds ?? [],
      offerIds: command.offerIds ?? [],
      individualIds: command.individualIds ?? [],
    };
    const done: WithdrawnWork = { transfers: 0, deniedSubjects: 0, staleParts: 0 };
    const empty = scope.consentIds.length === 0 && scope.offerIds.length === 0 && scope.individualIds.length === 0;
    return this.transactions.run(ctx, async (tx) => {
      const locked: TransferEntity[] = [];
      for (const transferId of empty ? [] : await this.transfers.transfersWithWorkInFlight(tx, scope)) {
        const transfer = await this.transfers.lockTransfer(tx, transferId);
        if (transfer !== null) locked.push(transfer);
      }
      const { result, withdraw, reason = command.reason } = await work();
      if (!withdraw) return { result, withdrawn: done };
      const now = tx.now();
      for (const transfer of locked) {
        const transferId = transfer.id;
        // Under the transfer's lock: re-read its subjects in flight, then lock the ready parts that hold them.
        const subjects = await this.transfers.subjectsInFlight(tx, transferId, scope);
        if (subjects.length === 0) continue;
        const readyParts = subjects.flatMap((subject) => (subject.state.status === 'ready' ? [subject.state.part] : []));
        const parts = await this.transfers.lockParts(tx, transferId, readyParts);
        const partKeys = parts.map((part) => ({ transferId, part: part.part }));
        const partSubjects = await this.transfers.subjectsInParts(tx, partKeys, ['ready']);
        const stop = stopWork(
          subjects.map((subject) => ({ subject, command: { type: 'withdraw', reason } })),
          parts,
          partSubjects,
        );
        await this.transfers.savePartChanges(
          tx,
          stop.parts.map((change) => ({ ...change, transferId })),
        );
        await this.transfers.saveSubjectChanges(
          tx,
          stop.subjects.map((change) => ({ ...change, transferId })),
          now,
        );
        await enqueueJob(tx, BUILD_TRANSFER_JOB, { transferId });
        await this.transfers.settleStatus(tx, transfer, now);
        done.transfers += 1;
        done.deniedSubjects += subjects.length;
        done.staleParts += stop.parts.length;
      }
      return { result, withdrawn: done };
    });
  }
}
