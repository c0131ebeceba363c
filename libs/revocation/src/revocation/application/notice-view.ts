import { NOTICE_REASONS, type NoticeKind, type NoticeStatus } from '../domain/notice';
import type { WithdrawalNoticeEntity } from '../infrastructure/withdrawal-notice.entity';

/** A notice as its recipient reads it: what to delete, why, and by when. */
export interface NoticeView {
  noticeId: string;
  kind: NoticeKind;
  /** Pseudonymous subject ids, as the recipient knows them. */
  subjects: string[];
  transfers: string[];
  offerId: string | null;
  reason: { ja: string; en: string };
  issuedAt: string;
  dueAt: string;
  status: NoticeStatus;
  attestedAt: string | null;
}

/** Maps a stored notice to what its recipient reads. */
export function noticeView(notice: WithdrawalNoticeEntity): NoticeView {
  return {
    noticeId: notice.id,
    kind: notice.kind,
    subjects: [...notice.subjects],
    transfers: [...notice.transfers],
    offerId: notice.offerId,
    reason: NOTICE_REASONS[notice.kind],
    issuedAt: notice.issuedAt.toISOString(),
    dueAt: notice.dueAt.toISOString(),
    status: notice.status,
    attestedAt: notice.attestedAt?.toISOString() ?? null,
  };
}

/** How recipient-only notice use cases refuse another actor: a route without a recipient guard is a programming error. */
export const NOTICES_ARE_READ_BY_RECIPIENTS = {
  detail: "Notices are read by recipients: the route needs @OrganisationRoute('recipient').",
};
