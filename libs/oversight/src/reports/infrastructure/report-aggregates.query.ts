import type { EntityManager } from 'typeorm';
import type { ReportRow, ReportTableName } from '../domain/periodic-report';

/**
 * The counts a periodic report is made of, read straight from the ledgers and workflow tables for one
 * window `[from, to)`. Read-only; ids, codes and counts only (never an individual's id or data).
 */
export async function readReportAggregates(
  manager: EntityManager,
  window: { from: Date; to: Date },
): Promise<Omit<Record<ReportTableName, ReportRow[]>, 'boardCompositionWarnings'>> {
  const between = [window.from, window.to];
  const query = (sql: string): Promise<ReportRow[]> => manager.query(sql, between);
  return {
    offerReviews: await query(
      `SELECT "outcome", count(*)::int AS "count" FROM "offer_review_outcomes"
        WHERE "decided_at" >= $1 AND "decided_at" < $2 GROUP BY "outcome" ORDER BY "outcome"`,
    ),
    stopUseOrders: await query(
      `SELECT "event", "target_type" AS "targetType", count(*)::int AS "count" FROM (
         SELECT 'proposed' AS "event", "target_type" FROM "stop_use_orders" WHERE "proposed_at" >= $1 AND "proposed_at" < $2
         UNION ALL SELECT 'effective', "target_type" FROM "stop_use_orders" WHERE "confirmed_at" >= $1 AND "confirmed_at" < $2
         UNION ALL SELECT 'lifted', "target_type" FROM "stop_use_orders" WHERE "lifted_at" >= $1 AND "lifted_at" < $2
       ) AS "events" GROUP BY "event", "target_type" ORDER BY "event", "target_type"`,
    ),
    consents: await query(
      `SELECT replace(e."type", 'consent_', '') AS "event", c."source", count(*)::int AS "count"
         FROM "consent_events" e JOIN "consents" c ON c."id" = e."consent_id"
        WHERE e."occurred_at" >= $1 AND e."occurred_at" < $2
        GROUP BY e."type", c."source" ORDER BY 1, 2`,
    ),
    provisions: await query(
      `SELECT p."recipient_id" AS "recipientId", o."name_ja" AS "recipientName", p."purpose_code" AS "purposeCode",
              count(*)::int AS "provisions", count(DISTINCT p."individual_id")::int AS "individuals",
              coalesce(sum(cardinality(p."record_digests")), 0)::int AS "records"
         FROM "provision_records" p LEFT JOIN "organisations" o ON o."id" = p."recipient_id"
        WHERE p."provided_at" >= $1 AND p."provided_at" < $2
        GROUP BY p."recipient_id", o."name_ja", p."purpose_code" ORDER BY o."name_ja", p."recipient_id", p."purpose_code"`,
    ),
    transfers: await query(
      `SELECT "status", count(*)::int AS "count" FROM "transfers"
        WHERE "requested_at" >= $1 AND "requested_at" < $2 GROUP BY "status" ORDER BY "status"`,
    ),
    denialReasons: await query(
      `SELECT coalesce(s."reason", 'unknown') AS "reason", count(*)::int AS "count"
         FROM "transfer_subjects" s JOIN "transfers" t ON t."id" = s."transfer_id"
        WHERE t."requested_at" >= $1 AND t."requested_at" < $2 AND s."status" = 'denied'
        GROUP BY 1 ORDER BY 1`,
    ),
    notices: await query(
      `SELECT "kind", count(*)::int AS "issued", count("attested_at")::int AS "attested", count("overdue_at")::int AS "overdue",
              round((percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "attested_at" - "issued_at")) / 60)::numeric, 1)::float8
                AS "medianMinutesToAttest",
              round((percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "attested_at" - "issued_at")) / 60)::numeric, 1)::float8
                AS "p95MinutesToAttest"
         FROM "withdrawal_notices" WHERE "issued_at" >= $1 AND "issued_at" < $2
        GROUP BY "kind" ORDER BY "kind"`,
    ),
    overdueRecipients: await query(
      `SELECT n."recipient_id" AS "recipientId", o."name_ja" AS "recipientName", count(*)::int AS "overdueNotices"
         FROM "withdrawal_notices" n LEFT JOIN "organisations" o ON o."id" = n."recipient_id"
        WHERE n."overdue_at" < $2 AND (n."attested_at" IS NULL OR n."attested_at" >= $2) AND $1::timestamptz IS NOT NULL
        GROUP BY n."recipient_id", o."name_ja" ORDER BY 3 DESC, n."recipient_id"`,
    ),
    logVerifications: await query(
      `SELECT "id" AS "verificationId", "trigger", "status", "to_size"::float8 AS "toSize", "failure_count" AS "failureCount",
              to_char("completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "completedAt"
         FROM "log_verifications" WHERE "completed_at" >= $1 AND "completed_at" < $2 ORDER BY "completed_at", "id"`,
    ),
  };
}
