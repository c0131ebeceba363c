import { Injectable } from '@nestjs/common';
import { binaryArray, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { BenefitBalance, BenefitCredit, BenefitTerms, BenefitType, BilingualText, ProvisionToCredit } from '../domain/benefit';
import type { BenefitCursor } from '../domain/benefit-page';

/** Rows per INSERT (one binary array parameter per column, whatever the count). */
const CREDITS_PER_STATEMENT = 1000;

const COLUMNS = [
  'id',
  'individual_id',
  'provision_id',
  'offer_id',
  'recipient_id',
  'recipient_name',
  'purpose_text',
  'type',
  'amount',
  'description',
  'credited_at',
] as const;

/** One ledger entry as read, with its position for the cursor. */
export interface BenefitEntryRow {
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

/** benefit_entries: appended in chunks inside the caller's transaction; read per individual, balance and pages. */
@Injectable()
export class BenefitEntryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry per credit, skipping provisions already credited; returns how many were inserted. */
  async append(tx: TransactionalContext, credits: readonly BenefitCredit[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < credits.length; start += CREDITS_PER_STATEMENT) {
      inserted += await insertChunk(tx.transaction, credits.slice(start, start + CREDITS_PER_STATEMENT));
    }
    return inserted;
  }

  /**
   * Appends one entry per provision under the same terms, skipping provisions already credited; returns how many were
   * inserted. The terms are scalar parameters (parsed once a statement); only the ids travel as arrays.
   */
  async appendUnderTerms(tx: TransactionalContext, terms: BenefitTerms, provisions: readonly ProvisionToCredit[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < provisions.length; start += CREDITS_PER_STATEMENT) {
      inserted += await insertChunkUnderTerms(tx.transaction, terms, provisions.slice(start, start + CREDITS_PER_STATEMENT));
    }
    return inserted;
  }

  /** The individual's balance over every entry they hold. */
  balanceOf(ctx: RequestContext, individualId: string): Promise<BenefitBalance> {
    return balanceOf(this.manager(ctx), individualId);
  }

  /** Up to `take` entries of the individual after the cursor, newest first. */
  pageOf(ctx: RequestContext, individualId: string, cursor: BenefitCursor | null, take: number): Promise<BenefitEntryRow[]> {
    return pageOf(this.manager(ctx), individualId, cursor, take);
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}

async function insertChunk(manager: EntityManager, credits: readonly BenefitCredit[]): Promise<number> {
  const column = <T>(value: (credit: BenefitCredit) => T): T[] => credits.map(value);
  const json = (value: (credit: BenefitCredit) => unknown): string[] => credits.map((credit) => JSON.stringify(value(credit)));
  const returned: { id: string }[] = await manager.query(
    `INSERT INTO "benefit_entries" (${COLUMNS.map((name) => `"${name}"`).join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::jsonb[], $7::jsonb[], $8::text[],
                          $9::integer[], $10::jsonb[], $11::timestamptz[])
     ON CONFLICT ("provision_id") DO NOTHING
     RETURNING "id"`,
    // Binary array parameters: PostgreSQL reads each element as it is instead of parsing a chunk of text literals.
    [
      binaryArray.uuid(column(() => randomUUID())),
      binaryArray.uuid(column((credit) => credit.individualId)),
      binaryArray.uuid(column((credit) => credit.provisionId)),
      binaryArray.uuid(column((credit) => credit.offerId)),
      binaryArray.uuid(column((credit) => credit.recipientId)),
      binaryArray.jsonb(json((credit) => credit.recipientName)),
      binaryArray.jsonb(json((credit) => credit.purposeText)),
      binaryArray.text(column((credit) => credit.benefit.type)),
      binaryArray.int4(column((credit) => credit.benefit.amount ?? null)),
      binaryArray.jsonb(json((credit) => credit.benefit.description)),
      binaryArray.timestamptz(column((credit) => credit.creditedAt)),
    ],
  );
  return returned.length;
}

async function insertChunkUnderTerms(
  manager: EntityManager,
  terms: BenefitTerms,
  provisions: readonly ProvisionToCredit[],
): Promise<number> {
  const returned: { id: string }[] = await manager.query(
    `INSERT INTO "benefit_entries" (${COLUMNS.map((name) => `"${name}"`).join(', ')})
     SELECT p."id", p."individual_id", p."provision_id", $4::uuid, $5::uuid, $6::jsonb, $7::jsonb, $8::text, $9::integer, $10::jsonb, $11::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS p("id", "individual_id", "provision_id")
     ON CONFLICT ("provision_id") DO NOTHING
     RETURNING "id"`,
    [
      binaryArray.uuid(provisions.map(() => randomUUID())),
      binaryArray.uuid(provisions.map((provision) => provision.individualId)),
      binaryArray.uuid(provisions.map((provision) => provision.provisionId)),
      terms.offerId,
      terms.recipientId,
      JSON.stringify(terms.recipientName),
      JSON.stringify(terms.purposeText),
      terms.benefit.type,
      terms.benefit.amount ?? null,
      JSON.stringify(terms.benefit.description),
      terms.creditedAt,
    ],
  );
  return returned.length;
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
