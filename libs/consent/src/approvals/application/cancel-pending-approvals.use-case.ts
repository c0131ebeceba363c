import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireBankActor } from '@infobank/platform';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';

/**
 * A consent ended or a stop-use order stopped an offer: its ask-mode requests still waiting for the
 * individual become `cancelled` (decided now), so nobody can approve data out under them any more. A
 * request already answered is left as it is. System and operator callers only (the worker). Returns the
 * ids it cancelled.
 */
@Injectable()
export class CancelPendingApprovalsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestStore,
  ) {}

  async execute(ctx: RequestContext, command: { consentIds?: string[]; offerIds?: string[] }): Promise<string[]> {
    requireBankActor(ctx, { detail: 'Only the bank cancels approval requests.' });
    const under = { consentIds: command.consentIds ?? [], offerIds: command.offerIds ?? [] };
    return this.transactions.run(ctx, (tx) => this.requests.cancelPending(tx, under, tx.now()));
  }
}
