import { Injectable } from '@nestjs/common';
import { enqueueJob, inTransaction, type RequestContext, requireBankActor } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
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
 */
@Injectable()
export class WithdrawFromTransfersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: WithdrawFromTransfersCommand, now: Date = new Date()): Promise<WithdrawnWork> {
    requireBankActor(ctx, { code: 'UNAUTHENTICATED', detail: 'Only the bank withdraws work from transfers.' });
    const consentIds = command.consentIds ?? [];
    const offerIds = command.offerIds ?? [];
    const individualIds = command.individualIds ?? [];
    const scope: WorkScope = { consentIds, offerIds, individualIds };
    if (consentIds.length === 0 && offerIds.length === 0 && individualIds.length === 0) {
      return { transfers: 0, deniedSubjects: 0, staleParts: 0 };
    }
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const done: WithdrawnWork = { transfers: 0, deniedSubjects: 0, staleParts: 0 };
      for (const transferId of await this.transfers.transfersWithWorkInFlight(manager, scope)) {
        const transfer = await this.transfers.lockTransfer(manager, transferId);
        if (transfer === null) continue;
        // Under the transfer's lock: re-read its subjects in flight, make their ready parts stale, and deny them.
        const subjects = await this.transfers.subjectsInFlight(manager, transferId, scope);
        const denied = subjects.length;
        if (denied === 0) continue;
        const readyParts = [...new Set(subjects.filter((subject) => subject.status === 'ready').map((subject) => subject.part as number))];
        const staleParts = await this.transfers.makePartsStale(manager, transferId, readyParts, now);
        await this.transfers.denySubjects(
          manager,
          transferId,
          subjects.map((subject) => ({ subjectId: subject.subjectId, reason: command.reason })),
          now,
        );
        await enqueueJob({ ...ctx, transaction: manager }, BUILD_TRANSFER_JOB, { transferId });
        await this.transfers.settleStatus(manager, transfer, now);
        done.transfers += 1;
        done.deniedSubjects += denied;
        done.staleParts += staleParts;
      }
      return done;
    });
  }
}
