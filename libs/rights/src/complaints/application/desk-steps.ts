import { Injectable } from '@nestjs/common';
import { isUuidText, requireStaff, Transactions, type RequestContext } from '@infobank/platform';
import type { ComplaintCommand } from '../domain/complaint';
import { ComplaintNotFoundError } from '../complaints.errors';
import { ComplaintStore } from '../infrastructure/complaint.store';
import { readThread } from './complaint-reader';
import { ComplaintTexts } from './complaint-texts';
import { ComplaintThread } from './complaint-thread';
import type { DeskComplaintThread } from './complaint-views';

/** What a desk step answers: the complaint as it now stands. */
export type DeskStepResult = DeskComplaintThread;

/** Takes one desk step as the acting staff member and answers the complaint as it now stands. */
@Injectable()
export class DeskSteps {
  constructor(
    private readonly transactions: Transactions,
    private readonly thread: ComplaintThread,
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
  ) {}

  async take(
    ctx: RequestContext,
    complaintId: string,
    command: (now: Date) => ComplaintCommand,
    text: string | null,
  ): Promise<DeskStepResult> {
    const staffId = requireStaff(ctx);
    if (!isUuidText(complaintId)) throw new ComplaintNotFoundError();
    const id = complaintId.toLowerCase();
    await this.transactions.run(ctx, (tx) => this.thread.take(tx, id, { party: 'staff', accountId: staffId }, command(tx.now()), text));
    return readThread(ctx, id, this.complaints, this.texts, this.thread, () => true);
  }
}
