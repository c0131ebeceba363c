import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@infobank/auth';
import { enqueueJob, inTransaction, type RequestContext, isBankActor } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import type { DenialReason } from '../domain/transfer-status';
import { lockTransfer, refreshTransferStatus } from '../infrastructure/transfer-store';
import { denySubjects } from './part-packager';

/** What stopping work in flight did. */
export interface WithdrawnWork {
  transfers: number;
  deniedSubjects: number;
  staleParts: number;
}

/** Subject statuses that are still work in flight (not yet downloaded). */
const IN_FLIGHT = `('pending', 'awaiting_approval', 'ready')`;

/** The consents, offers and individuals whose work stops. */
interface WorkScope {
  consentIds: readonly string[];
  offerIds: readonly string[];
  individualIds: readonly string[];
}

/** "The subject belongs to the scope", with the scope's ids as parameters $1 (consents), $2 (offers), $3 (individuals). */
const IN_SCOPE = `("consent_id" = ANY($1::uuid[]) OR "offer_id" = ANY($2::uuid[]) OR "individual_id" = ANY($3::uuid[]))`;

/** Which work in flight to stop: that of these consents, offers or individuals (any of them). */
export interface WithdrawFromTransfersCommand {
  consentIds?: string[];
  offerIds?: string[];
  individualIds?: string[];
  reason: DenialReason;
}

/**
 * Stops work in flight when consents end, a stop-use order stops offers, or individuals erase data or
 * close their account (the transfers issue's invariant 2): every subject of those consents, offers or
 * individuals still pending, awaiting approval or in a downloadable part is denied with `reason`; a ready
 * part that held one becomes stale (its package cleared, so its next download is PACKAGE_STALE) and its
 * other subjects go back to pending under the same part number, and the transfer is built again.
 * Transfers are locked in id order (as builders lock them), before anything a caller locks after this
 * (consents, vault rows): the order downloads and builders take. Joins the caller's transaction. The
 * bank's own actors only.
 */
@Injectable()
export class WithdrawFromTransfersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: WithdrawFromTransfersCommand, now: Date = new Date()): Promise<WithdrawnWork> {
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
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const transferIds: { transfer_id: string }[] = await manager.query(
        `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE}
          ORDER BY "transfer_id"`,
        [consentIds, offerIds, individualIds],
      );
      const done: WithdrawnWork = { transfers: 0, deniedSubjects: 0, staleParts: 0 };
      for (const { transfer_id: transferId } of transferIds) {
        const transfer = await lockTransfer(manager, transferId);
        if (transfer === null) continue;
        const { denied, staleParts } = await withdrawFromTransfer(manager, transferId, scope, command.reason, now);
        if (denied === 0) continue;
        await enqueueJob({ ...ctx, transaction: manager }, BUILD_TRANSFER_JOB, { transferId });
        await refreshTransferStatus(manager, transfer, now);
        done.transfers += 1;
        done.deniedSubjects += denied;
        done.staleParts += staleParts;
      }
      return done;
    });
  }
}

/** Under the transfer's lock: re-reads its subjects in flight, makes their ready parts stale, and denies them. */
async function withdrawFromTransfer(
  manager: EntityManager,
  transferId: string,
  scope: WorkScope,
  reason: DenialReason,
  now: Date,
): Promise<{ denied: number; staleParts: number }> {
  const subjects: { subject_id: string; status: string; part: number | null }[] = await manager.query(
    `SELECT "subject_id", "status", "part" FROM "transfer_subjects"
      WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE} AND "transfer_id" = $4`,
    [scope.consentIds, scope.offerIds, scope.individualIds, transferId],
  );
  if (subjects.length === 0) return { denied: 0, staleParts: 0 };
  const readyParts = [...new Set(subjects.filter((subject) => subject.status === 'ready').map((subject) => subject.part as number))];
  const staleParts = await makePartsStale(manager, transferId, readyParts, now);
  await denySubjects(
    manager,
    transferId,
    subjects.map((subject) => ({ subjectId: subject.subject_id, reason })),
    now,
  );
  return { denied: subjects.length, staleParts };
}

/**
 * Makes these downloadable parts stale (package cleared) and puts their ready subjects back to pending under
 * the same part number, for the builder to package again; returns how many parts it changed. Under the transfer's lock.
 */
export async function makePartsStale(manager: EntityManager, transferId: string, parts: readonly number[], now: Date): Promise<number> {
  if (parts.length === 0) return 0;
  // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
  const stale: { part: number }[] = await manager.query(
    `WITH "stale" AS (
       UPDATE "transfer_parts" SET "status" = 'stale', "package" = NULL, "package_digest" = NULL
        WHERE "transfer_id" = $1 AND "part" = ANY($2::int[]) AND "status" = 'ready'
        RETURNING "part"
     ) SELECT "part" FROM "stale"`,
    [transferId, parts],
  );
  await manager.query(
    `UPDATE "transfer_subjects" SET "status" = 'pending', "updated_at" = $3
      WHERE "transfer_id" = $1 AND "part" = ANY($2::int[]) AND "status" = 'ready'`,
    [transferId, stale.map((row) => row.part), now],
  );
  return stale.length;
}
