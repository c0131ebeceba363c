import { Injectable } from '@nestjs/common';
import { isUuidText, requireIndividual, Transactions, type RequestContext } from '@infobank/platform';
import { ComplaintStore } from '../infrastructure/complaint.store';
import { ComplaintNotFoundError } from '../complaints.errors';
import { ComplaintTexts, complaintText } from './complaint-texts';
import { ComplaintThread } from './complaint-thread';
import { mySummary, myThread, type MyComplaintSummary, type MyComplaintThread } from './complaint-views';

/** Most complaints one list shows (newest first). */
export const MAX_LISTED_COMPLAINTS = 100;

/** The signed-in individual's complaints, newest first. */
@Injectable()
export class ListMyComplaintsUseCase {
  constructor(private readonly complaints: ComplaintStore) {}

  async execute(ctx: RequestContext): Promise<MyComplaintSummary[]> {
    const individualId = requireIndividual(ctx);
    return (await this.complaints.listOf(ctx, individualId, MAX_LISTED_COMPLAINTS)).map(mySummary);
  }
}

/** One of the signed-in individual's complaints and its thread; another's complaint is COMPLAINT_NOT_FOUND. */
@Injectable()
export class GetMyComplaintUseCase {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
  ) {}

  async execute(ctx: RequestContext, complaintId: string): Promise<MyComplaintThread> {
    const individualId = requireIndividual(ctx);
    const row = isUuidText(complaintId) ? await this.complaints.find(ctx, complaintId.toLowerCase()) : null;
    if (row === null || row.individualId !== individualId) throw new ComplaintNotFoundError();
    const events = await this.complaints.eventsOf(ctx, row.id);
    return myThread(row, events, await this.texts.open(ctx, individualId, row.id, events));
  }
}

/** The individual answers the desk's request for information on their own complaint. */
@Injectable()
export class ProvideComplaintInformationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly thread: ComplaintThread,
  ) {}

  async execute(ctx: RequestContext, complaintId: string, command: { text: string }): Promise<void> {
    const individualId = requireIndividual(ctx);
    if (!isUuidText(complaintId)) throw new ComplaintNotFoundError();
    const text = complaintText(command?.text, '/text');
    await this.transactions.run(ctx, (tx) =>
      this.thread.take(
        tx,
        complaintId.toLowerCase(),
        { party: 'individual', accountId: individualId },
        { type: 'provide_information', now: tx.now() },
        text,
      ),
    );
  }
}
