import { Injectable } from '@nestjs/common';
import { GetOfferForProvisionUseCase } from '@infobank/offers';
import { Transactions, withoutTransaction, type RequestContext } from '@infobank/platform';
import { decideTransfer, evolveTransfer } from '../domain/transfer-lifecycle';
import { TransferRepository, transferStateOf } from '../infrastructure/transfer.repository';
import { PartPackager } from './part-packager';
import { TransferAdmission } from './transfer-admission';

/** Hooks for tests that need to stop a build between parts (a crash mid-build) or between packaging a part and saving it. */
export interface BuildHooks {
  afterPart?: (built: number) => void | Promise<void>;
  /** After a part is packaged and sealed outside the transfer's lock, before it is checked and saved under the locks. */
  afterDraft?: (part: number) => void | Promise<void>;
}

/**
 * Builds a transfer (the worker's `transfers.build` job): on the first run admits its subjects, then
 * packages pending subjects part by part until none is left. Idempotent and resumable: every step
 * commits on its own and the next run continues from what is stored, so a crash and retry yields one set of parts.
 */
@Injectable()
export class BuildTransferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly admission: TransferAdmission,
    private readonly packager: PartPackager,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { transferId: string }, hooks: BuildHooks = {}): Promise<void> {
    // Each step runs in its own transaction, never the caller's: a part once built stays built.
    const own = withoutTransaction(ctx);
    await this.transactions.runOwn(own, async (tx) => {
      // Load: the transfer (locked) and its offer (FOR SHARE).
      const now = tx.now();
      const transfer = await this.transfers.lockTransfer(tx, command.transferId);
      if (transfer === null || transfer.status !== 'requested') return;
      const offer = await this.getOffer.execute(tx, transfer.offerId, { lock: 'share' });
      // Decide: admitted, or cancelled when the offer is no longer approved.
      const state = transferStateOf(transfer);
      const decision = decideTransfer({ type: 'admit', offerApproved: offer.status === 'approved', now }, state);
      if (decision.outcome === 'refused') return;
      const next = decision.events.reduce(evolveTransfer, state);
      // Save: the subjects in the states admission decides, then the transfer's own state.
      if (next.status === 'processing') await this.admission.admit(tx, transfer, offer, now);
      await this.transfers.saveTransferState(tx, transfer.id, next, now);
      if (next.status === 'processing') await this.transfers.settleStatus(tx, { ...transfer, status: 'processing' }, now);
    });
    await this.packager.buildAll(own, command.transferId, hooks);
  }
}
