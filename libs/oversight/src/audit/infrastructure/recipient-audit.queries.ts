import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';

/** An offer of the recipient and its lifecycle fields. */
export interface RecipientOfferRow {
  id: string;
  status: string;
  round: number;
  purpose_code: string;
  category_codes: string[];
  valid_until: Date;
  submitted_at: Date | null;
  created_at: Date;
}

/** One review round of one of the recipient's offers, with its votes counted per decision. */
export interface RecipientReviewRow {
  id: string;
  offer_id: string;
  round: number;
  status: string;
  outcome: string | null;
  opened_at: Date;
  decided_at: Date | null;
  votes: Record<string, number> | null;
}

/** Provisions to the recipient in one calendar month (UTC). */
export interface MonthlyProvisionRow {
  month: string;
  provisions: number;
  subjects: number;
  records: number;
}

/** Consents to the recipient's offers that ended in one month, by how they ended. */
export interface MonthlyEndedConsentRow {
  month: string;
  status: 'revoked' | 'expired';
  consents: number;
}

/** The recipient's notices counted per state, with the median and 95th percentile of seconds to attest. */
export interface NoticeStatsRow {
  open: number;
  attested: number;
  overdue: number;
  median: number | null;
  p95: number | null;
}

/** A notice still overdue. */
export interface OverdueNoticeRow {
  id: string;
  kind: string;
  subjects: number;
  issued_at: Date;
  due_at: Date;
  overdue_at: Date | null;
}

/** A stop-use order that covers the recipient, one of its offers, or a category its offers use. */
export interface StopUseOrderRow {
  id: string;
  target_type: string;
  target_id: string;
  status: string;
  reason: string;
  proposed_at: Date;
  confirmed_at: Date | null;
  lifted_at: Date | null;
}

/** Read-only SQL of the board's page on one recipient. Every statement is bound to the recipient (or its offers). */
@Injectable()
export class RecipientAuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  offers(ctx: RequestContext, recipientId: string): Promise<RecipientOfferRow[]> {
    return this.manager(ctx).query(
      `SELECT "id", "status", "round", "purpose_code", "category_codes", "valid_until", "submitted_at", "created_at"
         FROM "offers" WHERE "recipient_id" = $1::uuid ORDER BY "created_at", "id"`,
      [recipientId],
    );
  }

  reviews(ctx: RequestContext, recipientId: string): Promise<RecipientReviewRow[]> {
    return this.manager(ctx).query(
      `SELECT c."id", c."offer_id", c."round", c."status", c."outcome", c."opened_at", c."decided_at",
              (SELECT jsonb_object_agg(v."decision", v."votes")
                 FROM (SELECT "decision", count(*)::int AS "votes" FROM "review_votes" WHERE "case_id" = c."id" GROUP BY "decision") v) AS "votes"
         FROM "review_cases" c
        WHERE c."recipient_id" = $1::uuid
        ORDER BY c."opened_at", c."id"`,
      [recipientId],
    );
  }

  provisionsByMonth(ctx: RequestContext, recipientId: string): Promise<MonthlyProvisionRow[]> {
    return this.manager(ctx).query(
      `SELECT to_char(date_trunc('month', "provided_at" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month",
              count(*)::int AS "provisions", count(DISTINCT "individual_id")::int AS "subjects",
              sum(cardinality("record_digests"))::int AS "records"
         FROM "provision_records" WHERE "recipient_id" = $1::uuid
        GROUP BY 1 ORDER BY 1`,
      [recipientId],
    );
  }

  endedConsentsByMonth(ctx: RequestContext, offerIds: readonly string[]): Promise<MonthlyEndedConsentRow[]> {
    if (offerIds.length === 0) return Promise.resolve([]);
    return this.manager(ctx).query(
      `SELECT to_char(date_trunc('month', "ended_at" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", "status", count(*)::int AS "consents"
         FROM "consents" WHERE "offer_id" = ANY($1::uuid[]) AND "status" IN ('revoked', 'expired')
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [offerIds],
    );
  }

  async noticeStats(ctx: RequestContext, recipientId: string): Promise<NoticeStatsRow> {
    const [row]: NoticeStatsRow[] = await this.manager(ctx).query(
      `SELECT count(*) FILTER (WHERE "status" = 'open')::int AS "open",
              count(*) FILTER (WHERE "status" = 'attested')::int AS "attested",
              count(*) FILTER (WHERE "status" = 'overdue')::int AS "overdue",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "attested_at" - "issued_at")) FILTER (WHERE "attested_at" IS NOT NULL) AS "median",
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "attested_at" - "issued_at")) FILTER (WHERE "attested_at" IS NOT NULL) AS "p95"
         FROM "withdrawal_notices" WHERE "recipient_id" = $1::uuid`,
      [recipientId],
    );
    return row;
  }

  overdueNotices(ctx: RequestContext, recipientId: string): Promise<OverdueNoticeRow[]> {
    return this.manager(ctx).query(
      `SELECT "id", "kind", cardinality("subjects") AS "subjects", "issued_at", "due_at", "overdue_at"
         FROM "withdrawal_notices" WHERE "recipient_id" = $1::uuid AND "status" = 'overdue'
        ORDER BY "due_at", "id"`,
      [recipientId],
    );
  }

  stopUseOrders(
    ctx: RequestContext,
    recipientId: string,
    offerIds: readonly string[],
    categoryCodes: readonly string[],
  ): Promise<StopUseOrderRow[]> {
    return this.manager(ctx).query(
      `SELECT "id", "target_type", "target_id", "status", "reason", "proposed_at", "confirmed_at", "lifted_at"
         FROM "stop_use_orders"
        WHERE ("target_type" = 'recipient' AND "target_id" = $1)
           OR ("target_type" = 'offer' AND "target_id" = ANY($2::text[]))
           OR ("target_type" = 'category' AND "target_id" = ANY($3::text[]))
        ORDER BY "proposed_at", "id"`,
      [recipientId, offerIds, categoryCodes],
    );
  }
}
