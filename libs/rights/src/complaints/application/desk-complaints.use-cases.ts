import { Injectable } from '@nestjs/common';
import { requireStaff, ValidationFailedError, type RequestContext } from '@infobank/platform';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_PRIORITIES,
  COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintPriority,
  type ComplaintStatus,
} from '../domain/complaint';
import { firstReplyDueAt, resolutionDueAt } from '../domain/complaint-sla';
import { ComplaintStore } from '../infrastructure/complaint.store';
import { readThread } from './complaint-reader';
import { ComplaintTexts, complaintText } from './complaint-texts';
import { ComplaintThread } from './complaint-thread';
import { deskSummary, type DeskComplaintSummary, type DeskComplaintThread } from './complaint-views';
import { DeskSteps, type DeskStepResult } from './desk-steps';

/** Most complaints one page of the desk's queue holds. */
export const MAX_QUEUE_PAGE = 200;

/** How the desk narrows its queue: by status, category, escalation, and which timer is overdue. */
export interface ComplaintQueueQuery {
  status?: ComplaintStatus;
  category?: ComplaintCategory;
  escalated?: boolean;
  overdue?: 'first_reply' | 'resolution';
  limit?: number;
}

/** The complaints desk's queue, oldest first, each with its SLA timers. Staff only. */
@Injectable()
export class ListComplaintQueueUseCase {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly thread: ComplaintThread,
  ) {}

  async execute(ctx: RequestContext, query: ComplaintQueueQuery = {}): Promise<DeskComplaintSummary[]> {
    requireStaff(ctx);
    const problems = [
      ...oneOf('/status', query.status, COMPLAINT_STATUSES),
      ...oneOf('/category', query.category, COMPLAINT_CATEGORIES),
      ...oneOf('/overdue', query.overdue, ['first_reply', 'resolution']),
    ];
    const limit = query.limit ?? 50;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_QUEUE_PAGE) {
      problems.push({ path: '/limit', message: `must be a whole number from 1 to ${MAX_QUEUE_PAGE}` });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const now = ctx.now();
    const policy = this.thread.policy;
    const rows = await this.complaints.queue(ctx, {
      status: query.status,
      category: query.category,
      escalated: query.escalated,
      // Filed before now minus the period means due before now: overdue.
      unansweredFiledBefore: query.overdue === 'first_reply' ? backBy(now, firstReplyDueAt(now, policy)) : undefined,
      unresolvedFiledBefore: query.overdue === 'resolution' ? backBy(now, resolutionDueAt(now, policy)) : undefined,
      limit,
    });
    return rows.map((row) => deskSummary(row, policy, now));
  }
}

/** The desk's two overdue lists: complaints past their first-reply time unanswered, and past their resolve time open. */
@Injectable()
export class ListOverdueComplaintsUseCase {
  constructor(private readonly queue: ListComplaintQueueUseCase) {}

  async execute(ctx: RequestContext): Promise<{ firstReply: DeskComplaintSummary[]; resolution: DeskComplaintSummary[] }> {
    const [firstReply, resolution] = await Promise.all([
      this.queue.execute(ctx, { overdue: 'first_reply', limit: MAX_QUEUE_PAGE }),
      this.queue.execute(ctx, { overdue: 'resolution', limit: MAX_QUEUE_PAGE }),
    ]);
    return { firstReply, resolution };
  }
}

/** A complaint and its whole thread (texts decrypted), for the desk. Staff only. */
@Injectable()
export class GetDeskComplaintUseCase {
  constructor(
    private readonly complaints: ComplaintStore,
    private readonly texts: ComplaintTexts,
    private readonly thread: ComplaintThread,
  ) {}

  async execute(ctx: RequestContext, complaintId: string): Promise<DeskComplaintThread> {
    requireStaff(ctx);
    return readThread(ctx, complaintId, this.complaints, this.texts, this.thread, () => true);
  }
}

/** What staff send with a step: a text (a reply, a question, the closing explanation, an optional escalation note). */
export interface DeskMessageCommand {
  text?: string;
}

/** What staff decide when triaging: the priority, and the category when the individual's choice was wrong. */
export interface TriageComplaintCommand {
  priority: ComplaintPriority;
  category?: ComplaintCategory;
}

/** Staff triage a complaint: set its priority and, if needed, correct its category. */
@Injectable()
export class TriageComplaintUseCase {
  constructor(private readonly steps: DeskSteps) {}

  execute(ctx: RequestContext, complaintId: string, command: TriageComplaintCommand): Promise<DeskStepResult> {
    const problems = [
      ...oneOf('/priority', command?.priority, COMPLAINT_PRIORITIES, true),
      ...oneOf('/category', command?.category, COMPLAINT_CATEGORIES),
    ];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.steps.take(
      ctx,
      complaintId,
      (now) => ({ type: 'triage', priority: command.priority, category: command.category, now }),
      null,
    );
  }
}

/** Staff answer the individual; the individual is notified (`complaint_answered`). */
@Injectable()
export class ReplyToComplaintUseCase {
  constructor(private readonly steps: DeskSteps) {}

  execute(ctx: RequestContext, complaintId: string, command: DeskMessageCommand): Promise<DeskStepResult> {
    const text = complaintText(command?.text, '/text');
    return this.steps.take(ctx, complaintId, (now) => ({ type: 'reply', now }), text);
  }
}

/** Staff ask the individual for information; the individual is notified and answers in the portal. */
@Injectable()
export class RequestComplaintInformationUseCase {
  constructor(private readonly steps: DeskSteps) {}

  execute(ctx: RequestContext, complaintId: string, command: DeskMessageCommand): Promise<DeskStepResult> {
    const text = complaintText(command?.text, '/text');
    return this.steps.take(ctx, complaintId, (now) => ({ type: 'request_information', now }), text);
  }
}

/** Staff escalate a complaint to the data ethics board, with an optional note for the board. */
@Injectable()
export class EscalateComplaintUseCase {
  constructor(private readonly steps: DeskSteps) {}

  execute(ctx: RequestContext, complaintId: string, command: DeskMessageCommand): Promise<DeskStepResult> {
    const text = complaintText(command?.text, '/text', true);
    return this.steps.take(ctx, complaintId, (now) => ({ type: 'escalate', now }), text);
  }
}

/** Staff close a complaint with an explanation to the individual, who is notified. */
@Injectable()
export class CloseComplaintUseCase {
  constructor(private readonly steps: DeskSteps) {}

  execute(ctx: RequestContext, complaintId: string, command: DeskMessageCommand): Promise<DeskStepResult> {
    const text = complaintText(command?.text, '/text');
    return this.steps.take(ctx, complaintId, (now) => ({ type: 'close', now }), text);
  }
}

function oneOf(path: string, value: unknown, allowed: readonly string[], required = false): { path: string; message: string }[] {
  if (value === undefined && !required) return [];
  return allowed.includes(value as string) ? [] : [{ path, message: `must be one of ${allowed.join(', ')}` }];
}

/** `now` moved back by the distance from `now` to `due`: the filing time whose deadline is now. */
function backBy(now: Date, due: Date): Date {
  return new Date(now.getTime() - (due.getTime() - now.getTime()));
}
