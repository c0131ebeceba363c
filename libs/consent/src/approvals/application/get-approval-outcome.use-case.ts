import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { requireBankActor } from '@infobank/platform';
import { effectiveApprovalStatus, type ApprovalStatus } from '../domain/approval-request';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';

/** Where one approval request stands, as the transfer that asked reads it. */
export interface ApprovalOutcome {
  id: string;
  consentId: string;
  /** The caller's id of what was asked for (the transfer). */
  reference: string;
  /** As of now: a pending request past its timeout reads `expired` even before the timeout job ran. */
  status: ApprovalStatus;
}

/** The outcome of one approval request (transfers, system or operator actor); null when there is no such request. */
@Injectable()
export class GetApprovalOutcomeUseCase {
  constructor(private readonly requests: ApprovalRequestStore) {}

  async execute(ctx: RequestContext, query: { approvalRequestId: string }): Promise<ApprovalOutcome | null> {
    requireBankActor(ctx, { detail: "Reading an approval outcome is for the bank's own processes only" });
    if (!isUuid(query.approvalRequestId)) return null;
    const row = await this.requests.findById(ctx, query.approvalRequestId);
    if (row === null) return null;
    return { id: row.id, consentId: row.consentId, reference: row.reference, status: effectiveApprovalStatus(row, ctx.now()) };
  }
}
