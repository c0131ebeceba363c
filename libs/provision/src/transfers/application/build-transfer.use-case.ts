import { withoutTransaction } from '@infobank/platform';
import { Injectable } from '@nestjs/common';
import { GetOfferForProvisionUseCase } from '@infobank/offers';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { decideTransfer } from '../domain/transfer-lifecycle';
import { TransferRepository, transferStateOf } from '../infrastructure/transfer.repository';
import { PartPackager } from './part-packager';
import { TransferAdmission } from './transfer-admission';

/** Hooks for tests that need to stop a build between parts (a crash mid-build). */
export interface BuildHooks {
  afterPart?: (built: number) => void | Promise<void>;
}

/**
 * Builds a transfer (the worker's `transfers.build` job): on the first run admits its subjects, then
 * packages pending subjects part by part until none is left. Idempotent and resumable: every step
 * commits on its own and the next run continues from what is stored, so a crash and retry yields one set of parts.
 */
@Injectable()
export class BuildTransferUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly admission: TransferAdmission,
    private readonly packager: PartPackager,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { transferId: string }, hooks: BuildHooks = {}): Promise<void> {
    // Each step runs in its own transaction, never the caller's: a part once built stays built.
    const own = withoutTransaction(ctx);
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const transfer = await this.transfers.lockTransfer(manager, command.transferId);
      if (transfer === null || transfer.status !== 'requested') return;
      const txCtx = { ...own, transaction: manager };
      const offer = await this.getOffer.execute(txCtx, transfer.offerId, { lock: 'share' });
      const decision = decideTransfer({ type: 'admit', offerApproved: offer.status === 'approved', now }, transferStateOf(transfer));
      if (decision.outcome === 'refused') return;
      if (decision.events.some((event) => event.type === 'transfer_cancelled')) {
        await this.transfers.setStatus(manager, transfer.id, 'cancelled', now);
        return;
      }
      await this.admission.admit(txCtx, transfer, offer, now);
      await this.transfers.setStatus(manager, transfer.id, 'processing', now);
      await this.transfers.settleStatus(manager, { ...transfer, status: 'processing' }, now);
    });
    let built = 0;
    while (await this.packager.buildNext(own, command.transferId)) {
      built += 1;
      await hooks.afterPart?.(built);
    }
  }
}
