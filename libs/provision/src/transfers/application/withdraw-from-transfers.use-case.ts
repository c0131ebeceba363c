import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@infobank/auth';
import { enqueueJob, isBankActor, Transactions, type RequestContext } from '@infobank/platform';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { stopWork } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
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
    if (!isBankActor(ctx.actor)) {
      throw new UnauthenticatedError('Only the bank withdraws work from transfers.');
    }
    const consentIds = command.consentIds ?? [];
    const offerIds = command.offerIds ?? [];
    const individualIds = command.individualIds ?? [];
    const scope: WorkScope = { consentIds, offerIds, individualIds };
    if (consentIds.length === 0 && offerIds.length === 0 && individualIds.length === 0) {
      return { transfers: 0, deniedSubjects: 0, staleParts: 0 };
    }
    return this.transactions.run(ctx, async (tx) => {
      const now = tx.now();
      const done: WithdrawnWork = { transfers: 0, deniedSubjects: 0, staleParts: 0 };
      for (const transferId of await this.transfers.transfersWithWorkInFlight(tx, scope)) {
        const transfer = await this.transfers.lockTransfer(tx, transferId);
        if (transfer === null) continue;
        // Under the transfer's lock: re-read its subjects in flight, then lock the ready parts that hold them.
        const subjects = await this.transfers.subjectsInFlight(tx, transferId, scope);
        if (subjects.length === 0) continue;
        const readyParts = subjects.flatMap((subject) => (subject.state.status === 'ready' ? [subject.state.part] : []));
        const parts = await this.transfers.lockParts(tx, transferId, readyParts);
        const partKeys = parts.map((part) => ({ transferId, part: part.part }));
        const partSubjects = await this.transfers.subjectsInParts(tx, partKeys, ['ready']);
        const stop = stopWork(
          subjects.map((subject) => ({ subject, command: { type: 'withdraw', reason: command.reason } })),
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
      return done;
    });
  }
}
