import { Injectable } from '@nestjs/common';
import { type RequestContext, requireIndividual, ValidationFailedError } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { BenefitBalance, BenefitEntryView, BenefitType, BilingualText, MyBenefits } from '../domain/benefit';
import { encodeBenefitCursor, parseBenefitPage, type BenefitCursor } from '../domain/benefit-page';

/** A page request as it arrives from a query string (or from code). */
export interface GetMyBenefitsQuery {
  cursor?: string;
  limit?: string | number;
}

interface BenefitEntryRow {
  id: string;
  provision_id: string;
  offer_id: string;
  recipient_id: string;
  recipient_name: BilingualText;
  purpose_text: BilingualText;
  type: BenefitType;
  amount: number | null;
  description: BilingualText;
  credited_at: Date;
  /** credited_at in UTC with microseconds, for the cursor. */
  position: string;
}

/**
 * The signed-in individual's benefits (便益): the balance over every entry they hold and one page of
 * entries, newest first. Every query is bound to the caller's id: another individual's cursor finds
 * nothing of theirs.
 */
@Injectable()
export class GetMyBenefitsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, query: GetMyBenefitsQuery = {}): Promise<MyBenefits> {
    const individualId = requireIndividual(ctx, { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual reads their benefits.' });
    const { cursor, limit, problems } = parseBenefitPage(query);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    const manager = ctx.transaction ?? this.dataSource.manager;
    // One after the other: the manager may be the caller's transaction, a single connection.
    const balance = await balanceOf(manager, individualId);
    const rows = await pageOf(manager, individualId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      balance,
      entries: page.map(entryView),
      nextCursor: rows.length > limit ? encodeBenefitCursor({ creditedAt: last.position, id: last.id }) : null,
    };
  }
}

async function balanceOf(manager: EntityManager, individualId: string): Promise<BenefitBalance> {
  const [row]: { points: string; yen: string; services: string; social: string }[] = await manager.query(
    `SELECT coalesce(sum("amount") FILTER (WHERE "type" = 'points'), 0)::text AS "points",
            coalesce(sum("amount") FILTER (WHERE "type" = 'yen'), 0)::text AS "yen",
            count(*) FILTER (WHERE "type" = 'service')::text AS "services",
            count(*) FILTER (WHERE "type" = 'social')::text AS "social"
       FROM "benefit_entries" WHERE "individual_id" = $1`,
    [individualId],
  );
  return { points: Number(row.points), yen: Number(row.yen), services: Number(row.services), social: Number(row.social) };
}

function pageOf(manager: EntityManager, individualId: string, cursor: BenefitCursor | null, take: number): Promise<BenefitEntryRow[]> {
  const parameters: unknown[] = [individualId, take];
  let after = '';
  if (cursor !== null) {
    parameters.push(cursor.creditedAt, cursor.id);
    after = `AND ("credited_at", "id") < ($3::timestamptz, $4::uuid)`;
  }
  return manager.query(
    `SELECT "id", "provision_id", "offer_id", "recipient_id", "recipient_name", "purpose_text", "type", "amount", "description",
            "credited_at", to_char("credited_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "position"
       FROM "benefit_entries"
      WHERE "individual_id" = $1 ${after}
      ORDER BY "credited_at" DESC, "id" DESC
      LIMIT $2`,
    parameters,
  );
}

function entryView(row: BenefitEntryRow): BenefitEntryView {
  return {
    id: row.id,
    provisionId: row.provision_id,
    offerId: row.offer_id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    purpose: row.purpose_text,
    type: row.type,
    amount: row.amount,
    description: row.description,
    creditedAt: new Date(row.credited_at).toISOString(),
  };
}
