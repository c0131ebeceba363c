import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { requireIncidentHandler } from '../../incidents/application/incident-access';
import { subjectIdsToTrace, type TraceInput } from '../domain/leaked-file';
import { TraceQueries, type TracedProvisionRow } from '../infrastructure/trace.queries';

/** Where one pseudonymous id was sent: the recipient, the transfer and part, and when it was provided. */
export interface TracedProvision {
  recipient: { id: string; name: { ja: string; en?: string } };
  offerId: string;
  transferId: string;
  part: number;
  providedAt: string;
}

/** One id's answer: the provisions that carried it, or `unknown` (another bank's id, a forged or random one). */
export type TracedSubject =
  { subjectId: string; status: 'found'; provisions: TracedProvision[] } | { subjectId: string; status: 'unknown' };

/** A trace's answer: each id, and how many were found and unknown, by recipient. */
export interface TraceResult {
  subjects: TracedSubject[];
  summary: { ids: number; found: number; unknown: number; recipients: { id: string; name: { ja: string; en?: string }; ids: number }[] };
}

/**
 * Leak tracing: which recipient, transfer and part each pseudonymous subject id was sent in, and when. Because a
 * recipient's ids are keyed to it, a leaked file names the recipient it came from. Board members and the operator.
 */
@Injectable()
export class TraceSubjectsUseCase {
  constructor(private readonly queries: TraceQueries) {}

  async execute(ctx: RequestContext, input: TraceInput): Promise<TraceResult> {
    requireIncidentHandler(ctx);
    const { ids, problems } = subjectIdsToTrace(input);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const rows = await this.queries.provisionsOf(ctx, ids);
    const bySubject = new Map<string, TracedProvisionRow[]>();
    for (const row of rows) bySubject.set(row.subject_id, [...(bySubject.get(row.subject_id) ?? []), row]);
    const subjects: TracedSubject[] = ids.map((subjectId) => {
      const found = bySubject.get(subjectId);
      if (found === undefined) return { subjectId, status: 'unknown' };
      return { subjectId, status: 'found', provisions: found.map(tracedProvision) };
    });
    const recipients = new Map<string, { id: string; name: { ja: string; en?: string }; ids: Set<string> }>();
    for (const row of rows) {
      const entry = recipients.get(row.recipient_id) ?? { id: row.recipient_id, name: row.recipient_name, ids: new Set<string>() };
      entry.ids.add(row.subject_id);
      recipients.set(row.recipient_id, entry);
    }
    const found = subjects.filter((subject) => subject.status === 'found').length;
    return {
      subjects,
      summary: {
        ids: ids.length,
        found,
        unknown: ids.length - found,
        recipients: [...recipients.values()]
          .map((entry) => ({ id: entry.id, name: entry.name, ids: entry.ids.size }))
          .sort((a, b) => b.ids - a.ids),
      },
    };
  }
}

function tracedProvision(row: TracedProvisionRow): TracedProvision {
  return {
    recipient: { id: row.recipient_id, name: row.recipient_name },
    offerId: row.offer_id,
    transferId: row.transfer_id,
    part: row.part,
    providedAt: new Date(row.provided_at).toISOString(),
  };
}
