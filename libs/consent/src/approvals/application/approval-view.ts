import { effectiveApprovalStatus, type ApprovalStatus } from '../domain/approval-request';
import type { ApprovalRequestEntity } from '../infrastructure/approval-request.entity';

/** An approval request as the individual (and the transfer that asked) sees it. */
export interface ApprovalView {
  approvalRequestId: string;
  consentId: string;
  offerId: string;
  recipientId: string;
  reference: string;
  /** As of now: a pending request past its timeout reads as `expired` even before the timeout job ran. */
  status: ApprovalStatus;
  requestedAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
}

/** The view of a stored request at `now`. */
export function approvalView(row: ApprovalRequestEntity, now: Date): ApprovalView {
  return {
    approvalRequestId: row.id,
    consentId: row.consentId,
    offerId: row.offerId,
    recipientId: row.recipientId,
    reference: row.reference,
    status: effectiveApprovalStatus(row, now),
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt ?? (effectiveApprovalStatus(row, now) === 'expired' ? row.expiresAt : null),
  };
}
