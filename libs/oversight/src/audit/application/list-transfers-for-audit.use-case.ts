import { Injectable } from '@nestjs/common';
import { ReplicaReads, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { encodeAuditCursor, parseTransferAuditQuery, type AuditQueryInput } from '../domain/audit-query';
import { TransferAuditQueries, type TransferAuditRow } from '../infrastructure/transfer-audit.queries';
import { assertBoardAuditor } from './board-audit-access';

/** How many subjects of a transfer ended (so far) in each status. */
export interface SubjectOutcomes {
  pending: number;
  awaitingApproval: number;
  ready: number;
  delivered: number;
  denied: number;
  expired: number;
}

/** One transfer as the board audits it: who asked under which offer, when, where it is, and what became of its subjects. */
export interface AuditedTransferView {
  id: string;
  recipientId: string;
  offerId: string;
  status: string;
  parts: number;
  requestedAt: string;
  readyAt: string | null;
  deliveredAt: string | null;
  subjects: SubjectOutcomes;
}

/** A page of transfers (newest first), the next cursor, and denied subjects per reason over every matching transfer. */
export interface AuditedTransfersPage {
  transfers: AuditedTransferView[];
  nextCursor: string | null;
  denialReasons: Array<{ reason: string; subjects: number }>;
}

/** The board's transfer audit, filtered by recipient, status and request time. */
@Injectable()
export class ListTransfersForAuditUseCase {
  constructor(
    private readonly queries: TransferAuditQueries,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, input: AuditQueryInput): Promise<AuditedTransfersPage> {
    assertBoardAuditor(ctx);
    const { query, problems } = parseTransferAuditQuery(input);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    const [rows, denialReasons] = await this.reads.run(
      ctx,
      async (read) => [await this.queries.page(read, query), await this.queries.denialReasons(read, query)] as const,
    );
    if (rows === null) return { transfers: [], nextCursor: null, denialReasons };
    const page = rows.slice(0, query.limit);
    return {
      transfers: page.map(transferView),
      nextCursor: rows.length > query.limit ? encodeAuditCursor(page[page.length - 1].id) : null,
      denialReasons,
    };
  }
}

function transferView(row: TransferAuditRow): AuditedTransferView {
  const outcomes = row.outcomes ?? {};
  const count = (status: string) => outcomes[status] ?? 0;
  return {
    id: row.id,
    recipientId: row.recipient_id,
    offerId: row.offer_id,
    status: row.status,
    parts: row.part_count,
    requestedAt: new Date(row.requested_at).toISOString(),
    readyAt: row.ready_at === null ? null : new Date(row.ready_at).toISOString(),
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
    subjects: {
      pending: count('pending'),
      awaitingApproval: count('awaiting_approval'),
      ready: count('ready'),
      delivered: count('delivered'),
      denied: count('denied'),
      expired: count('expired'),
    },
  };
}
