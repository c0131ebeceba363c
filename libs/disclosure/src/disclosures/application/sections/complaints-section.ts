import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { GetMyComplaintUseCase, ListMyComplaintsUseCase, type MyComplaintThread } from '@infobank/rights';
import type { CollectedSection, DisclosureSectionCollector } from './disclosure-section';

/**
 * complaints (苦情): every complaint the individual filed with its thread, each exactly as the individual's own
 * read returns it (the desk's replies and questions, never which desk member wrote them nor the desk's triage).
 */
@Injectable()
export class ComplaintsSection implements DisclosureSectionCollector {
  readonly section = 'complaints' as const;

  constructor(
    private readonly complaints: ListMyComplaintsUseCase,
    private readonly thread: GetMyComplaintUseCase,
  ) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const complaints: MyComplaintThread[] = [];
    for (const summary of await this.complaints.execute(ctx)) complaints.push(await this.thread.execute(ctx, summary.id));
    const rows = complaints.flatMap((complaint) =>
      complaint.messages.map((message) => ({
        complaintId: complaint.id,
        category: complaint.category,
        status: complaint.status,
        escalated: complaint.escalated,
        filedAt: complaint.filedAt,
        updatedAt: complaint.updatedAt,
        closedAt: complaint.closedAt,
        relatedConsentId: complaint.related.consentId,
        relatedProvisionId: complaint.related.provisionId,
        relatedRecipientId: complaint.related.recipientId,
        messageType: message.type,
        messageBy: message.by,
        messageAt: message.at,
        messageText: message.text,
      })),
    );
    return { document: { complaints }, rows };
  }
}
