import { Injectable } from '@nestjs/common';
import { findDataItem, type LocalisedText } from '@infobank/catalog';
import { type RequestContext, requireIndividual, ValidationFailedError } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import {
  encodeProvisionCursor,
  parseProvisionHistoryQuery,
  type ProvisionHistoryQuery,
  type ProvisionHistoryQueryInput,
} from '../domain/provision-history-query';
import type { LocalisedName, ProvisionBenefit } from '../infrastructure/provision-record.entity';

/** One provision (提供記録) as the individual reads it: who received which items of their data, when, under which consent. */
export interface MyProvisionView {
  id: string;
  recipient: { id: string; name: LocalisedName };
  offer: { id: string; purposeCode: string; purpose: LocalisedName };
  items: string[];
  itemLabels: { itemId: string; label: LocalisedText }[];
  /** How many of the individual's records went out. */
  records: number;
  providedAt: string;
  consent: { id: string; version: number };
  benefit: { type: ProvisionBenefit['type']; amount: number | null; description: LocalisedName };
  /** When the recipient must have deleted the data (provided at + the offer's data life). */
  dataLifeEndsAt: string;
}

/** A page of the individual's provisions, newest first, and the cursor of the next page (null at the end). */
export interface MyProvisionsPage {
  provisions: MyProvisionView[];
  nextCursor: string | null;
}

interface ProvisionRow {
  id: string;
  recipient_id: string;
  recipient_name: LocalisedName;
  offer_id: string;
  purpose_code: string;
  purpose_text: LocalisedName;
  items: string[];
  records: number;
  provided_at: Date;
  consent_id: string;
  consent_version: number;
  benefit: ProvisionBenefit;
  data_life_ends_at: Date;
}

/**
 * The signed-in individual's provision history (提供履歴), newest first, optionally of one recipient,
 * one offer and/or a window of time. Every statement is bound to the caller's id first, so another
 * individual's cursor, recipient or offer finds nothing of theirs.
 */
@Injectable()
export class ListMyProvisionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, input: ProvisionHistoryQueryInput = {}): Promise<MyProvisionsPage> {
    const individualId = requireIndividual(ctx, {
      code: 'UNAUTHENTICATED',
      detail: 'Only a signed-in individual reads their provision history.',
    });
    const { query, problems } = parseProvisionHistoryQuery(input);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    const rows = await pageOf(ctx.transaction ?? this.dataSource.manager, individualId, query);
    if (rows === null) return { provisions: [], nextCursor: null };
    const page = rows.slice(0, query.limit);
    return {
      provisions: page.map(provisionView),
      nextCursor: rows.length > query.limit ? encodeProvisionCursor(page[page.length - 1].id) : null,
    };
  }
}

/**
 * One more row than the page (to know whether another follows); null when the cursor names no
 * provision of this individual. The ORDER BY and every condition match ix_provision_records_individual_time
 * (individual_id, provided_at, id), so each page is a backward scan of that index from the cursor on, never a sort.
 */
async function pageOf(manager: EntityManager, individualId: string, query: ProvisionHistoryQuery): Promise<ProvisionRow[] | null> {
  const { sql, parameters } = await pageStatement(manager, individualId, query);
  if (sql === null) return null;
  return manager.query(sql, parameters);
}

/** The page's statement and parameters (exported for the int-spec's EXPLAIN); sql null when the cursor is not theirs. */
export async function pageStatement(
  manager: EntityManager,
  individualId: string,
  query: ProvisionHistoryQuery,
): Promise<{ sql: string | null; parameters: unknown[] }> {
  const parameters: unknown[] = [individualId];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = [`"individual_id" = $1::uuid`];
  // IS NOT DISTINCT FROM (the columns are NOT NULL, so it means "=") is not an index operator: the planner
  // cannot switch to the recipient's index, whose history is unbounded, and keeps to this individual's rows.
  if (query.recipientId !== null) conditions.push(`"recipient_id" IS NOT DISTINCT FROM ${bind(query.recipientId)}::uuid`);
  if (query.offerId !== null) conditions.push(`"offer_id" IS NOT DISTINCT FROM ${bind(query.offerId)}::uuid`);
  if (query.from !== null) conditions.push(`"provided_at" >= ${bind(query.from)}::timestamptz`);
  if (query.to !== null) conditions.push(`"provided_at" < ${bind(query.to)}::timestamptz`);
  if (query.afterProvision !== null) {
    const [position]: { provided_at: string }[] = await manager.query(
      `SELECT to_char("provided_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "provided_at"
         FROM "provision_records" WHERE "id" = $1::uuid AND "individual_id" = $2::uuid`,
      [query.afterProvision, individualId],
    );
    if (position === undefined) return { sql: null, parameters };
    conditions.push(`("provided_at", "id") < (${bind(position.provided_at)}::timestamptz, ${bind(query.afterProvision)}::uuid)`);
  }
  const sql = `SELECT "id", "recipient_id", "recipient_name", "offer_id", "purpose_code", "purpose_text", "items",
            cardinality("record_digests") AS "records", "provided_at", "consent_id", "consent_version", "benefit",
            "provided_at" + make_interval(days => "data_life_days") AS "data_life_ends_at"
       FROM "provision_records"
      WHERE ${conditions.join(' AND ')}
      ORDER BY "provided_at" DESC, "id" DESC
      LIMIT ${bind(query.limit + 1)}`;
  return { sql, parameters };
}

function provisionView(row: ProvisionRow): MyProvisionView {
  return {
    id: row.id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    offer: { id: row.offer_id, purposeCode: row.purpose_code, purpose: row.purpose_text },
    items: row.items,
    itemLabels: row.items.map((itemId) => ({ itemId, label: findDataItem(itemId)?.label ?? { ja: itemId, en: itemId } })),
    records: Number(row.records),
    providedAt: new Date(row.provided_at).toISOString(),
    consent: { id: row.consent_id, version: row.consent_version },
    benefit: { type: row.benefit.type, amount: row.benefit.amount ?? null, description: row.benefit.description },
    dataLifeEndsAt: new Date(row.data_life_ends_at).toISOString(),
  };
}
