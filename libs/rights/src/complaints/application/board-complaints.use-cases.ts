import { Injectable } from '@nestjs/common';
import { requireBoardMember, type RequestContext } from '@infobank/platform';
import { ComplaintStore, type ComplaintCount } from '../infrastructure/complaint.store';
import { ComplaintTexts } from './complaint-texts';
import { ComplaintThread } from './complaint-thread';
import { readThread } from './complaint-reader';
import { MAX_QUEUE_PAGE } from './desk-complaints.use-cases';
import { deskSummary, type DeskComplaintSummary, type DeskComplaintThread } from './complaint-views';

/** The complaints the desk escalated to the data ethics board, oldest first. Board members only. */
@Injectable()
export class ListEscalatedComplaintsUseCase {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly thread: ComplaintThread,
  ) {}

  async execute(ctx: RequestContext): Promise<DeskComplaintSummary[]> {
    requireBoardMember(ctx);
    const rows = await this.complaints.queue(ctx, { escalated: true, limit: MAX_QUEUE_PAGE });
    return rows.map((row) => deskSummary(row, this.thread.policy, ctx.now()));
  }
}

/** An escalated complaint and its thread, for the board; one not escalated is COMPLAINT_NOT_FOUND to the board. */
@Injectable()
export class GetEscalatedComplaintUseCase {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
    private readonly thread: ComplaintThread,
  ) {}

  execute(ctx: RequestContext, complaintId: string): Promise<DeskComplaintThread> {
    requireBoardMember(ctx);
    return readThread(ctx, complaintId, this.complaints, this.texts, this.thread, (row) => row.escalatedAt !== null);
  }
}

/** The board's counts of complaints by category and by recipient: numbers only, no individual and no text. */
export interface ComplaintCounts {
  byCategory: (Omit<ComplaintCount, 'key'> & { category: string })[];
  byRecipient: (Omit<ComplaintCount, 'key'> & { recipientId: string | null })[];
}

/** Counts every complaint by category and by recipient (total, not yet closed, escalated). Board members only. */
@Injectable()
export class CountComplaintsUseCase {
  constructor(private readonly complaints: ComplaintStore) {}

  async execute(ctx: RequestContext): Promise<ComplaintCounts> {
    requireBoardMember(ctx);
    const [byCategory, byRecipient] = await Promise.all([this.complaints.countByCategory(ctx), this.complaints.countByRecipient(ctx)]);
    return {
      byCategory: byCategory.map(({ key, ...counts }) => ({ category: key as string, ...counts })),
      byRecipient: byRecipient.map(({ key, ...counts }) => ({ recipientId: key, ...counts })),
    };
  }
}
