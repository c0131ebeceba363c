import { Injectable } from '@nestjs/common';
import { ReplicaReads, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { parseProvisionSummaryQuery, type AuditQueryInput, type SummaryBucket } from '../domain/audit-query';
import { ProvisionAuditQueries } from '../infrastructure/provision-audit.queries';
import { assertBoardAuditor } from './board-audit-access';

/** Provisions, distinct subjects and records of one recipient × purpose × category in one time bucket. */
export interface ProvisionSummaryCell {
  recipientId: string;
  purposeCode: string;
  categoryCode: string;
  /** Start of the bucket (UTC midnight; weeks start on Monday). */
  bucketStart: string;
  provisions: number;
  subjects: number;
  records: number;
}

/** The summary: the bucket asked for and its cells, oldest bucket first. */
export interface ProvisionSummary {
  bucket: SummaryBucket;
  cells: ProvisionSummaryCell[];
}

/** Counts of provisions for the board, grouped by recipient × purpose × category × day, week or month. */
@Injectable()
export class SummariseProvisionsUseCase {
  constructor(
    private readonly queries: ProvisionAuditQueries,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, input: AuditQueryInput): Promise<ProvisionSummary> {
    assertBoardAuditor(ctx);
    const { query, problems } = parseProvisionSummaryQuery(input);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    const rows = await this.reads.run(ctx, (read) => this.queries.summary(read, query));
    return {
      bucket: query.bucket,
      cells: rows.map((row) => ({
        recipientId: row.recipient_id,
        purposeCode: row.purpose_code,
        categoryCode: row.category_code,
        bucketStart: new Date(row.bucket_start).toISOString(),
        provisions: row.provisions,
        subjects: row.subjects,
        records: row.records,
      })),
    };
  }
}
