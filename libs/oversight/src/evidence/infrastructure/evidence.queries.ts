import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';

/** A period bound for activity counts: `[from, to)`, or all time when null. */
export interface EvidencePeriod {
  from: Date;
  to: Date;
}

/** Statements whose rows are (key, n): a breakdown. `$1`/`$2` bound the period where the statement uses them. */
const BREAKDOWNS = {
  consentsByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "consents" GROUP BY 1`,
  consentsBySource: `SELECT "source" AS "key", count(*)::int AS "n" FROM "consents" GROUP BY 1`,
  consentsByMode: `SELECT "mode" AS "key", count(*)::int AS "n" FROM "consents" GROUP BY 1`,
  consentEventsByType: `SELECT "type" AS "key", count(*)::int AS "n" FROM "consent_events" WHERE ${period('"occurred_at"')} GROUP BY 1`,
  approvalRequestsByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "approval_requests" WHERE ${period('"requested_at"')} GROUP BY 1`,
  noticesByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "withdrawal_notices" WHERE ${period('"issued_at"')} GROUP BY 1`,
  noticesByKind: `SELECT "kind" AS "key", count(*)::int AS "n" FROM "withdrawal_notices" WHERE ${period('"issued_at"')} GROUP BY 1`,
  membersByExternal: `SELECT CASE WHEN "external" THEN 'external' ELSE 'internal' END AS "key", count(*)::int AS "n" FROM "board_members" GROUP BY 1`,
  membersByExpertise: `SELECT "expertise" AS "key", count(*)::int AS "n" FROM "board_members" GROUP BY 1`,
  casesByOutcome: `SELECT coalesce("outcome", "status") AS "key", count(*)::int AS "n" FROM "review_cases" WHERE ${period('"opened_at"')} GROUP BY 1`,
  ordersByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "stop_use_orders" WHERE ${period('"proposed_at"')} GROUP BY 1`,
  offersByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "offers" GROUP BY 1`,
  transfersByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "transfers" WHERE ${period('"requested_at"')} GROUP BY 1`,
  kekGenerationsByState: `SELECT "state" AS "key", count(*)::int AS "n" FROM "kek_generations" GROUP BY 1`,
  organisationsByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "organisations" GROUP BY 1`,
  incidentsByState: `SELECT "state" AS "key", count(*)::int AS "n" FROM "incidents" WHERE ${period('"opened_at"')} GROUP BY 1`,
  incidentsByKind: `SELECT "kind" AS "key", count(*)::int AS "n" FROM "incidents" WHERE ${period('"opened_at"')} GROUP BY 1`,
  complaintsByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "complaints" WHERE ${period('"filed_at"')} GROUP BY 1`,
  complaintsByCategory: `SELECT "category" AS "key", count(*)::int AS "n" FROM "complaints" WHERE ${period('"filed_at"')} GROUP BY 1`,
  complaintEventsByType: `SELECT "type" AS "key", count(*)::int AS "n" FROM "complaint_events" WHERE ${period('"occurred_at"')} GROUP BY 1`,
  disclosuresByStatus: `SELECT "status" AS "key", count(*)::int AS "n" FROM "disclosure_requests" WHERE ${period('"requested_at"')} GROUP BY 1`,
  disclosuresByFormat: `SELECT "format" AS "key", count(*)::int AS "n" FROM "disclosure_requests" WHERE ${period('"requested_at"')} GROUP BY 1`,
} as const;

/** Statements answering one number. */
const TOTALS = {
  provisions: `SELECT count(*)::int AS "n" FROM "provision_records" WHERE ${period('"provided_at"')}`,
  provisionRecipients: `SELECT count(DISTINCT "recipient_id")::int AS "n" FROM "provision_records" WHERE ${period('"provided_at"')}`,
  provisionedRecords: `SELECT coalesce(sum(cardinality("record_digests")), 0)::int AS "n" FROM "provision_records" WHERE ${period('"provided_at"')}`,
  logLeaves: `SELECT count(*)::int AS "n" FROM "transparency_log_leaves"`,
  unsealedLeaves: `SELECT count(*)::int AS "n" FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL`,
  checkpoints: `SELECT count(*)::int AS "n" FROM "transparency_log_checkpoints"`,
  latestTreeSize: `SELECT coalesce(max("tree_size"), 0)::int AS "n" FROM "transparency_log_checkpoints"`,
  standingConditions: `SELECT count(*)::int AS "n" FROM "standing_conditions"`,
  decisionsSigned: `SELECT count(*)::int AS "n" FROM "review_cases" WHERE "decision_jws" IS NOT NULL AND ${period('"decided_at"')}`,
  periodicReports: `SELECT count(*)::int AS "n" FROM "periodic_reports"`,
  dataKeys: `SELECT count(*)::int AS "n" FROM "data_keys"`,
  organisationSigningKeys: `SELECT count(*)::int AS "n" FROM "organisation_signing_keys"`,
  pseudonymousSubjects: `SELECT count(DISTINCT "subject_id")::int AS "n" FROM "provision_records" WHERE ${period('"provided_at"')}`,
  individualsAffected: `SELECT count(*)::int AS "n" FROM "incident_affected" a JOIN "incidents" i ON i."id" = a."incident_id" WHERE ${period('i."opened_at"')}`,
  individualsNotified: `SELECT count(*)::int AS "n" FROM "incident_affected" a JOIN "incidents" i ON i."id" = a."incident_id" WHERE a."notified_at" IS NOT NULL AND ${period('i."opened_at"')}`,
  complaintsEscalated: `SELECT count(*)::int AS "n" FROM "complaints" WHERE "escalated_at" IS NOT NULL AND ${period('"filed_at"')}`,
  deskStaff: `SELECT count(*)::int AS "n" FROM "accounts" WHERE "kind" = 'staff'`,
} as const;

/** Tables whose newest ids a section may show as samples (never accounts or individuals). */
const SAMPLES = {
  consents: `SELECT "id"::text AS "id" FROM "consents" ORDER BY "granted_at" DESC LIMIT 3`,
  provisions: `SELECT "id"::text AS "id" FROM "provision_records" WHERE ${period('"provided_at"')} ORDER BY "provided_at" DESC LIMIT 3`,
  notices: `SELECT "id"::text AS "id" FROM "withdrawal_notices" WHERE ${period('"issued_at"')} ORDER BY "issued_at" DESC LIMIT 3`,
  reviewCases: `SELECT "id"::text AS "id" FROM "review_cases" WHERE ${period('"opened_at"')} ORDER BY "opened_at" DESC LIMIT 3`,
  orders: `SELECT "id"::text AS "id" FROM "stop_use_orders" WHERE ${period('"proposed_at"')} ORDER BY "proposed_at" DESC LIMIT 3`,
  boardMembers: `SELECT "id"::text AS "id" FROM "board_members" ORDER BY "created_at" DESC LIMIT 3`,
  offers: `SELECT "id"::text AS "id" FROM "offers" WHERE "status" = 'approved' ORDER BY "updated_at" DESC LIMIT 3`,
  transfers: `SELECT "id"::text AS "id" FROM "transfers" WHERE ${period('"requested_at"')} ORDER BY "requested_at" DESC LIMIT 3`,
  incidents: `SELECT "id"::text AS "id" FROM "incidents" WHERE ${period('"opened_at"')} ORDER BY "opened_at" DESC LIMIT 3`,
  organisations: `SELECT "id"::text AS "id" FROM "organisations" ORDER BY "created_at" DESC LIMIT 3`,
  complaints: `SELECT "id"::text AS "id" FROM "complaints" WHERE ${period('"filed_at"')} ORDER BY "filed_at" DESC LIMIT 3`,
  escalatedComplaints: `SELECT "id"::text AS "id" FROM "complaints" WHERE "escalated_at" IS NOT NULL AND ${period('"filed_at"')} ORDER BY "escalated_at" DESC LIMIT 3`,
  disclosures: `SELECT "id"::text AS "id" FROM "disclosure_requests" WHERE ${period('"requested_at"')} ORDER BY "requested_at" DESC LIMIT 3`,
} as const;

/**
 * The complaints desk's timers (as rights' complaintSla reads them) over complaints filed in the period: a first
 * answer or a closing still outstanding past its due time (overdue), or given after it (missed). $3 is
 * COMPLAINT_FIRST_REPLY_HOURS, $4 COMPLAINT_RESOLVE_DAYS, $5 now.
 */
const COMPLAINT_TIMERS = `
  WITH "due" AS (
    SELECT "first_answered_at", "closed_at",
           "filed_at" + $3::float8 * interval '1 hour' AS "first_reply_due",
           "filed_at" + $4::float8 * interval '1 day' AS "resolution_due"
      FROM "complaints" WHERE ${period('"filed_at"')}
  )
  SELECT count(*) FILTER (WHERE "first_answered_at" IS NULL AND $5::timestamptz > "first_reply_due")::int AS "firstReplyOverdue",
         count(*) FILTER (WHERE "first_answered_at" > "first_reply_due")::int AS "firstReplyMissed",
         count(*) FILTER (WHERE "first_answered_at" <= "first_reply_due")::int AS "firstReplyMet",
         count(*) FILTER (WHERE "closed_at" IS NULL AND $5::timestamptz > "resolution_due")::int AS "resolutionOverdue",
         count(*) FILTER (WHERE "closed_at" > "resolution_due")::int AS "resolutionMissed",
         count(*) FILTER (WHERE "closed_at" <= "resolution_due")::int AS "resolutionMet"
    FROM "due"`;

/**
 * Disclosure requests made in the period against their due date (DISCLOSURE_DUE_DAYS after the request, stored per
 * request), as disclosure's isOverdue reads them: ready in time, ready late, or still not ready past it. $3 is now.
 */
const DISCLOSURE_TIMELINESS = `
  SELECT count(*) FILTER (WHERE "ready_at" <= "due_at")::int AS "readyInTime",
         count(*) FILTER (WHERE "ready_at" > "due_at")::int AS "readyLate",
         count(*) FILTER (WHERE "ready_at" IS NULL AND $3::timestamptz > "due_at")::int AS "openOverdue"
    FROM "disclosure_requests" WHERE ${period('"requested_at"')}`;

function period(column: string): string {
  return `($1::timestamptz IS NULL OR ${column} >= $1::timestamptz) AND ($2::timestamptz IS NULL OR ${column} < $2::timestamptz)`;
}

export type EvidenceBreakdown = keyof typeof BREAKDOWNS;
export type EvidenceTotal = keyof typeof TOTALS;
export type EvidenceSample = keyof typeof SAMPLES;

/**
 * Read-only counts and sample ids over the ledgers and tables the certification evidence draws on (see
 * docs/architecture.md §10 on oversight reading other libraries' tables). Selects no personal data: counts, and
 * ids of consents, provisions, notices, cases, orders, offers, transfers, incidents, organisations, complaints and
 * disclosure requests only.
 */
@Injectable()
export class EvidenceQueries {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  private parameters(statement: string, window: EvidencePeriod | null): unknown[] {
    return statement.includes('$1') ? [window?.from ?? null, window?.to ?? null] : [];
  }

  /** A breakdown as `{ "<name>.<key>": n }`, with `"<name>.total"` (so that none is empty). */
  async breakdown(ctx: RequestContext, name: EvidenceBreakdown, window: EvidencePeriod | null): Promise<Record<string, number>> {
    const rows: { key: string; n: number }[] = await this.manager(ctx).query(BREAKDOWNS[name], this.parameters(BREAKDOWNS[name], window));
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    return { ...Object.fromEntries(rows.map((row) => [`${name}.${row.key}`, row.n])), [`${name}.total`]: total };
  }

  async total(ctx: RequestContext, name: EvidenceTotal, window: EvidencePeriod | null): Promise<number> {
    const [row]: { n: number }[] = await this.manager(ctx).query(TOTALS[name], this.parameters(TOTALS[name], window));
    return row.n;
  }

  async samples(ctx: RequestContext, name: EvidenceSample, window: EvidencePeriod | null): Promise<string[]> {
    const rows: { id: string }[] = await this.manager(ctx).query(SAMPLES[name], this.parameters(SAMPLES[name], window));
    return rows.map((row) => row.id);
  }

  /** Complaints filed in the period against the desk's service levels at `now`: overdue, missed and met, per timer. */
  async complaintTimers(
    ctx: RequestContext,
    window: EvidencePeriod | null,
    policy: { firstReplyHours: number; resolveDays: number },
    now: Date,
  ): Promise<Record<string, number>> {
    const [row]: Record<string, number>[] = await this.manager(ctx).query(COMPLAINT_TIMERS, [
      window?.from ?? null,
      window?.to ?? null,
      policy.firstReplyHours,
      policy.resolveDays,
      now,
    ]);
    return row;
  }

  /** Disclosure requests made in the period against their due dates at `now`: ready in time, ready late, still open past due. */
  async disclosureTimeliness(ctx: RequestContext, window: EvidencePeriod | null, now: Date): Promise<Record<string, number>> {
    const [row]: Record<string, number>[] = await this.manager(ctx).query(DISCLOSURE_TIMELINESS, [
      window?.from ?? null,
      window?.to ?? null,
      now,
    ]);
    return row;
  }

  /** The newest completed full log verification. */
  async latestLogVerification(
    ctx: RequestContext,
  ): Promise<{ id: string; status: string; toSize: number; completedAt: string | null } | null> {
    const [row]: { id: string; status: string; to_size: string; completed_at: Date | null }[] = await this.manager(ctx).query(
      `SELECT "id", "status", "to_size", "completed_at" FROM "log_verifications" WHERE "status" <> 'running' ORDER BY "completed_at" DESC NULLS LAST LIMIT 1`,
    );
    if (row === undefined) return null;
    return {
      id: row.id,
      status: row.status,
      toSize: Number(row.to_size),
      completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
    };
  }
}
