import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import { enqueueJob, Transactions, withActor, type RequestContext, type TransactionalContext, requireRecipient } from '@infobank/platform';
import { ProvisionRecorder } from '../../provisions/application/record-provisions';
import { PackageStaleError, PartGoneError, PartNotFoundError, PartWithdrawnError, TransferNotFoundError } from '../../provision.errors';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { changePart, changeSubject, decidePart, stopWork, type PartChange } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
import type { TransferPartEntity } from '../infrastructure/transfer-part.entity';
import type { TransferEntity } from '../infrastructure/transfer.entity';
import { partStateOf, subjectStateOf, TransferRepository } from '../infrastructure/transfer.repository';
import { DeliveryCheck } from './delivery-check';
import { TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS } from './transfer-access';

const MAX_PART = 1_000_000;
const DELIVERY_ACTOR = { type: 'system', name: 'transfers.delivery' } as const;

/**
 * A recipient downloads one part (gateway `GET /v1/transfers/:id/parts/:n`). In one transaction: lock
 * the transfer and the part, then (DeliveryCheck) the offer and the subjects' consents FOR SHARE and the
 * vault's current version of every packaged record; check every consent is unchanged since the part was
 * built, the offer still approved (no stop-use order) and every record still there at the version
 * packaged; then record one provision per subject (with its log leaf and benefit credit) and mark the part
 * delivered; the bytes are returned only after that commits. If anything changed, the part is marked stale
 * and rebuilt (without the subjects that may no longer be provided, from the vault as it now is), and the
 * caller gets PACKAGE_STALE. A delivered part downloads again unchanged and records nothing new, but only
 * while every consent behind it still allows provision and none of its records was erased: otherwise
 * PART_WITHDRAWN.
 */
@Injectable()
export class DownloadPartUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly deliveryCheck: DeliveryCheck,
    private readonly organisations: OrganisationDirectory,
    private readonly recorder: ProvisionRecorder,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { transferId: unknown; part: unknown }): Promise<string> {
    const recipientId = requireRecipient(ctx, TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS);
    const part = typeof command.part === 'string' && /^[1-9]\d{0,6}$/.test(command.part) ? Number(command.part) : command.part;
    if (!isUuid(command.transferId)) throw new TransferNotFoundError();
    if (typeof part !== 'number' || !Number.isSafeInteger(part) || part < 1 || part > MAX_PART) throw new PartNotFoundError(0);
    const transferId = command.transferId;
    // The bank re-checks consents on the recipient's behalf: its own actor reads and locks them.
    const outcome = await this.transactions.runOwn(withActor(ctx, DELIVERY_ACTOR), async (tx) => {
      // Load, in the repository's lock order: the transfer, then the part; the delivery check then locks the consents.
      const transfer = await this.transfers.lockTransfer(tx, transferId, recipientId);
      if (transfer === null) throw new TransferNotFoundError();
      const row = await this.transfers.lockPart(tx, transferId, part);
      if (row === null) throw new PartNotFoundError(part);
      const now = tx.now();
      // Decide whether the part may be delivered at all.
      const delivery = changePart({ part: row.part, state: partStateOf(row) }, { type: 'deliver', now });
      if (delivery !== null) return this.deliver(tx, transfer, row, delivery, now);
      const refusal = refusalOf(row, now);
      if (refusal === 'already_delivered' && row.package !== null) return this.redeliver(tx, transfer, row, now);
      if (refusal === 'stale') return { stale: true as const };
      throw new PartGoneError(part, row.status === 'void' ? 'void' : 'expired');
    });
    if ('stale' in outcome) throw new PackageStaleError(part);
    return outcome.package;
  }

  /** A delivered part again: the same bytes while every consent behind it allows provision and nothing in it was erased. */
  private async redeliver(
    txCtx: TransactionalContext,
    transfer: TransferEntity,
    row: TransferPartEntity,
    now: Date,
  ): Promise<{ package: string }> {
    const subjects = await this.transfers.subjectsOfPart(txCtx, transfer.id, row.part, 'delivered');
    const verdict = await this.deliveryCheck.check(txCtx, transfer.offerId, subjects, now);
    if (subjects.length === 0 || verdict.denied.length > 0 || verdict.erased.length > 0) throw new PartWithdrawnError(row.part);
    return { package: row.package as string };
  }

  private async deliver(
    txCtx: TransactionalContext,
    transfer: TransferEntity,
    row: TransferPartEntity,
    delivery: PartChange,
    now: Date,
  ): Promise<{ package: string } | { stale: true }> {
    const subjects = await this.transfers.subjectsOfPart(txCtx, transfer.id, row.part, 'ready');
    const snapshots = subjects.map((subject) => ({ subjectId: subject.subjectId, state: subjectStateOf(subject) }));
    const { offer, denied, changed } = await this.deliveryCheck.check(txCtx, transfer.offerId, subjects, now);
    if (denied.length > 0 || changed.length > 0) {
      // Invariant 2: nothing is provided under a consent that changed, nor a record that is no longer as packaged;
      // the part is rebuilt from the vault as it now is, without the denied subjects.
      const reasons = new Map(denied.map((entry) => [entry.subjectId, entry.reason]));
      const stop = stopWork(
        snapshots
          .filter((subject) => reasons.has(subject.subjectId))
          .map((subject) => ({
            subject,
            command: { type: 'deny' as const, reason: reasons.get(subject.subjectId) as DenialReason },
          })),
        [{ part: row.part, state: partStateOf(row) }],
        snapshots,
      );
      await this.transfers.savePartChanges(
        txCtx,
        stop.parts.map((change) => ({ ...change, transferId: transfer.id })),
      );
      await this.transfers.saveSubjectChanges(
        txCtx,
        stop.subjects.map((change) => ({ ...change, transferId: transfer.id })),
        now,
      );
      await enqueueJob(txCtx, BUILD_TRANSFER_JOB, { transferId: transfer.id });
      await this.transfers.settleStatus(txCtx, transfer, now);
      return { stale: true };
    }
    const recipient = (await this.organisations.findProfiles(txCtx, [transfer.recipientId])).get(transfer.recipientId);
    await this.recorder.record(
      txCtx,
      { transferId: transfer.id, part: row.part, offer, recipientName: recipient?.name ?? { ja: transfer.recipientId }, providedAt: now },
      subjects.map((subject) => ({
        individualId: subject.individualId as string,
        subjectId: subject.subjectId,
        consentId: subject.consentId as string,
        consentVersion: subject.consentVersion as number,
        items: subject.items ?? [],
        recordDigests: subject.recordDigests ?? [],
      })),
    );
    const delivered = snapshots.map((subject) => changeSubject(subject, { type: 'deliver' })).filter((change) => change !== null);
    await this.transfers.saveSubjectChanges(
      txCtx,
      delivered.map((change) => ({ ...change, transferId: transfer.id })),
      now,
    );
    await this.transfers.savePartChanges(txCtx, [{ ...delivery, transferId: transfer.id }]);
    await this.transfers.settleStatus(txCtx, transfer, now);
    return { package: row.package as string };
  }
}

/** Why the lifecycle model refuses to deliver this part now. */
function refusalOf(row: TransferPartEntity, now: Date): string {
  const decision = decidePart({ type: 'deliver', now }, partStateOf(row));
  return decision.outcome === 'refused' ? decision.reason : 'accepted';
}
