import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';

/** One provision that carried a pseudonymous id. */
export interface TracedProvisionRow {
  subject_id: string;
  recipient_id: string;
  recipient_name: { ja: string; en?: string };
  offer_id: string;
  transfer_id: string;
  part: number;
  provided_at: Date;
}

/**
 * Read-only lookup of pseudonymous ids in the provision records (ix_provision_records_subject; see
 * docs/architecture.md §10 on oversight reading other libraries' tables). Selects no individual's id.
 */
@Injectable()
export class TraceQueries {
  constructor(private readonly dataSource: DataSource) {}

  provisionsOf(ctx: RequestContext, subjectIds: readonly string[]): Promise<TracedProvisionRow[]> {
    return (ctx.transaction ?? this.dataSource.manager).query(
      `SELECT p."subject_id", p."recipient_id", p."recipient_name", p."offer_id", p."transfer_id", p."part", p."provided_at"
         FROM "provision_records" p
        WHERE p."subject_id" = ANY($1::text[])
        ORDER BY p."subject_id", p."provided_at", p."id"`,
      [subjectIds],
    );
  }
}
