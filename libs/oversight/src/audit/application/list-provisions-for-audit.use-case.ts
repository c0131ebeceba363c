import { Injectable } from '@nestjs/common';
import { ReplicaReads, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { assertBoardAuditor } from './board-audit-access';
import { categoryOfItem, encodeAuditCursor, parseProvisionAuditQuery, type AuditQueryInput } from '../domain/audit-query';
import { ProvisionAuditQueries, type ProvisionAuditRow } from '../infrastructure/provision-audit.queries';

/**
 * One provision (提供記録) as the board audits it: which recipient received how many records with which items,
 * under which consent version, and where it sits in the transparency log. The individual appears only as the
 * pseudonymous subject id the recipient knows them by.
 */
export interface AuditedProvisionView {
  id: string;
  subjectId: string;
  recipient: { id: string; name: { ja: string; en?: string } };
  offerId: string;
  purposeCode: string;
  items: string[];
  categories: string[];
  records: number;
  consent: { id: string; version: number };
  transfer: { id: string; part: number };
  providedAt: string;
  /** The log leaf's index; null until the sealer has indexed it (about a second after delivery). */
  leafIndex: number | null;
}

/** A page of audited provisions, newest first, and the cursor of the next page (null at the end). */
export interface AuditedProvisionsPage {
  provisions: AuditedProvisionView[];
  nextCursor: string | null;
}

/** The board's provision audit: every provision, filtered by recipient, offer, purpose, category and time. */
@Injectable()
export class ListProvisionsForAuditUseCase {
  constructor(
    private readonly queries: ProvisionAuditQueries,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, input: AuditQueryInput): Promise<AuditedProvisionsPage> {
    assertBoardAuditor(ctx);
    const { query, problems } = parseProvisionAuditQuery(input);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    const rows = await this.reads.run(ctx, (read) => this.queries.page(read, query));
    if (rows === null) return { provisions: [], nextCursor: null };
    const page = rows.slice(0, query.limit);
    return {
      provisions: page.map(provisionView),
      nextCursor: rows.length > query.limit ? encodeAuditCursor(page[page.length - 1].id) : null,
    };
  }
}

function provisionView(row: ProvisionAuditRow): AuditedProvisionView {
  return {
    id: row.id,
    subjectId: row.subject_id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    offerId: row.offer_id,
    purposeCode: row.purpose_code,
    items: row.items,
    categories: [...new Set(row.items.map(categoryOfItem))].sort(),
    records: Number(row.records),
    consent: { id: row.consent_id, version: row.consent_version },
    transfer: { id: row.transfer_id, part: row.part },
    providedAt: new Date(row.provided_at).toISOString(),
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
  };
}
