import { isUuidText, type RequestContext } from '@infobank/platform';
import { ComplaintNotFoundError } from '../complaints.errors';
import type { ComplaintStore } from '../infrastructure/complaint.store';
import type { ComplaintTexts } from './complaint-texts';
import type { ComplaintThread } from './complaint-thread';
import { deskThread, type DeskComplaintThread } from './complaint-views';

/** Reads one complaint's thread for the desk or the board; `visible` says whether this reader may see it at all. */
export async function readThread(
  ctx: RequestContext,
  complaintId: string,
  complaints: ComplaintStore,
  texts: ComplaintTexts,
  thread: ComplaintThread,
  visible: (row: { escalatedAt: Date | null }) => boolean,
): Promise<DeskComplaintThread> {
  const row = isUuidText(complaintId) ? await complaints.find(ctx, complaintId.toLowerCase()) : null;
  if (row === null || !visible(row)) throw new ComplaintNotFoundError();
  const events = await complaints.eventsOf(ctx, row.id);
  return deskThread(row, events, await texts.open(ctx, row.individualId, row.id, events), thread.policy, ctx.now());
}
