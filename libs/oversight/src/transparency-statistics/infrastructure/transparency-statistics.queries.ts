import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';

/** A count in one month (`YYYY-MM`, UTC), optionally under a key. */
export interface MonthlyCountRow {
  month: string;
  key: string;
  count: number;
}

/** The median seconds to attest over the notices attested in a month, and how many there were. */
export interface MonthlyMedianRow {
  month: string;
  attestations: number;
  median: number | null;
}

/**
 * The months of the statistics as a SQL source `m("month", "starts", "ends")`: calendar months in UTC from `$1`
 * (the first month's start) for `$2` months; the last ends at `$3` (now) rather than at the month's end.
 */
const MONTHS = `(SELECT to_char(s, 'YYYY-MM') AS "month", s AT TIME ZONE 'UTC' AS "starts",
                        least((s + interval '1 month') AT TIME ZONE 'UTC', $3::timestamptz) AS "ends"
                   FROM generate_series($1::timestamp, $1::timestamp + ($2::int - 1) * interval '1 month', interval '1 month') AS s) m`;

/**
 * Read-only SQL of the public transparency statistics: only counts leave these statements, never an id of an
 * individual or anything they deposited.
 */
@Injectable()
export class TransparencyStatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** Individuals with an account at the end of each month (registered before it, not closed by then). */
  individuals(ctx: RequestContext, window: StatisticsWindow): Promise<MonthlyCountRow[]> {
    return this.manager(ctx).query(
      `SELECT m."month", 'individuals' AS "key",
              (SELECT count(*)::int FROM "accounts" a
                WHERE a."kind" = 'individual' AND a."created_at" < m."ends" AND (a."disabled_at" IS NULL OR a."disabled_at" >= m."ends")) AS "count"
         FROM ${MONTHS} ORDER BY 1`,
      window.parameters,
    );
  }

  /** Consents per state at the end of each month: the state their latest event before then left them in. */
  consentsByState(ctx: RequestContext, window: StatisticsWindow): Promise<MonthlyCountRow[]> {
    return this.manager(ctx).query(
      `SELECT m."month", e."type" AS "key", count(*)::int AS "count"
         FROM ${MONTHS}
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (ce."consent_id") ce."type" FROM "consent_events" ce
           WHERE ce."occurred_at" < m."ends" ORDER BY ce."consent_id", ce."version" DESC) e
        GROUP BY 1, 2 ORDER BY 1, 2`,
      window.parameters,
    );
  }

  /**
   * Provisions made in each month per purpose code (`by` = 'purpose') or per recipient id (`by` = 'recipient'): one
   * range scan of ix_provision_records_time_utc over the whole window, grouped by month.
   */
  provisions(ctx: RequestContext, window: StatisticsWindow, by: 'purpose' | 'recipient'): Promise<MonthlyCountRow[]> {
    const key = by === 'purpose' ? `p."purpose_code"` : `p."recipient_id"::text`;
    return this.manager(ctx).query(
      `SELECT to_char(date_trunc('month', p."provided_at" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", ${key} AS "key", count(*)::int AS "count"
         FROM "provision_records" p
        WHERE (p."provided_at" AT TIME ZONE 'UTC') >= $1::timestamp AND (p."provided_at" AT TIME ZONE 'UTC') < ($2::timestamptz AT TIME ZONE 'UTC')
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [window.parameters[0], window.parameters[2]],
    );
  }

  /** Consents revoked in each month. */
  revocations(ctx: RequestContext, window: StatisticsWindow): Promise<MonthlyCountRow[]> {
    return this.manager(ctx).query(
      `SELECT m."month", 'revocations' AS "key",
              (SELECT count(*)::int FROM "consent_events" ce
                WHERE ce."type" = 'consent_revoked' AND ce."occurred_at" >= m."starts" AND ce."occurred_at" < m."ends") AS "count"
         FROM ${MONTHS} ORDER BY 1`,
      window.parameters,
    );
  }

  /** Deletion attestations received in each month and the median seconds from notice to attestation. */
  attestations(ctx: RequestContext, window: StatisticsWindow): Promise<MonthlyMedianRow[]> {
    return this.manager(ctx).query(
      `SELECT m."month", count(n."id")::int AS "attestations",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n."attested_at" - n."issued_at")) AS "median"
         FROM ${MONTHS}
         LEFT JOIN "withdrawal_notices" n ON n."attested_at" >= m."starts" AND n."attested_at" < m."ends"
        GROUP BY 1 ORDER BY 1`,
      window.parameters,
    );
  }

  /** Board decisions on offers in each month per outcome. */
  boardDecisions(ctx: RequestContext, window: StatisticsWindow): Promise<MonthlyCountRow[]> {
    return this.manager(ctx).query(
      `SELECT m."month", c."outcome" AS "key", count(*)::int AS "count"
         FROM ${MONTHS}
         JOIN "review_cases" c ON c."status" = 'decided' AND c."decided_at" >= m."starts" AND c."decided_at" < m."ends"
        GROUP BY 1, 2 ORDER BY 1, 2`,
      window.parameters,
    );
  }
}

/** The months the statistics cover: the first month's start (UTC, as a timestamp), how many, and now. */
export class StatisticsWindow {
  readonly parameters: unknown[];

  constructor(firstMonthStart: string, months: number, now: Date) {
    this.parameters = [firstMonthStart, months, now.toISOString()];
  }
}
