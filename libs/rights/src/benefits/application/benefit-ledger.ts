import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { BenefitCredit } from '../domain/benefit';

/** Rows per INSERT: 1,000 credits × 11 columns stays far below Postgres's 65,535 bind parameters. */
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

/**
 * Credits benefits (便益) to individuals' ledgers inside the caller's transaction, so an entry exists
 * exactly when the provision it is for committed. One credit per provision: crediting a provision
 * again inserts nothing. Returns how many entries were inserted.
 */
@Injectable()
export class BenefitLedger {
  async credit(manager: EntityManager, credits: BenefitCredit[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < credits.length; start += CREDITS_PER_STATEMENT) {
      inserted += await insertChunk(manager, credits.slice(start, start + CREDITS_PER_STATEMENT));
    }
    return inserted;
  }
}

async function insertChunk(manager: EntityManager, credits: BenefitCredit[]): Promise<number> {
  const parameters: unknown[] = [];
  const rows = credits.map((credit) => {
    const values = [
      randomUUID(),
      credit.individualId,
      credit.provisionId,
      credit.offerId,
      credit.recipientId,
      JSON.stringify(credit.recipientName),
      JSON.stringify(credit.purposeText),
      credit.benefit.type,
      credit.benefit.amount ?? null,
      JSON.stringify(credit.benefit.description),
      credit.creditedAt,
    ];
    const placeholders = values.map((value) => {
      parameters.push(value);
      return `$${parameters.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const returned: { id: string }[] = await manager.query(
    `INSERT INTO "benefit_entries" (${COLUMNS.map((column) => `"${column}"`).join(', ')})
     VALUES ${rows.join(', ')}
     ON CONFLICT ("provision_id") DO NOTHING
     RETURNING "id"`,
    parameters,
  );
  return returned.length;
}
