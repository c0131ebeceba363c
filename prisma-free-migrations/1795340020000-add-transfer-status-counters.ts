import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counter columns: a part or subject status, and the column on "transfers" that counts it. */
const PART_COUNTERS = [
  ['ready', 'parts_ready'],
  ['stale', 'parts_stale'],
  ['delivered', 'parts_delivered'],
  ['expired', 'parts_expired'],
] as const;
const SUBJECT_COUNTERS = [
  ['pending', 'subjects_pending'],
  ['awaiting_approval', 'subjects_awaiting_approval'],
] as const;

/** `SET "c" = "c" + d."c", …` for the given counters. */
function increments(counters: readonly (readonly [string, string])[]): string {
  return counters.map(([, column]) => `"${column}" = t."${column}" + d."${column}"`).join(', ');
}

/** `sum(sign) FILTER (WHERE status = …) AS "c", …` over a union of new rows (+1) and old rows (-1). */
function deltas(counters: readonly (readonly [string, string])[]): string {
  return counters
    .map(([status, column]) => `coalesce(sum(c."sign") FILTER (WHERE c."status" = '${status}'), 0)::int AS "${column}"`)
    .join(', ');
}

/** A statement-level trigger function that adds what one statement changed in `table` to its transfers' counters. */
function counterFunction(name: string, counters: readonly (readonly [string, string])[], rows: string): string {
  return `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE "transfers" t SET ${increments(counters)}
        FROM (SELECT c."transfer_id", ${deltas(counters)} FROM (${rows}) AS c GROUP BY c."transfer_id") AS d
       WHERE t."id" = d."transfer_id" AND (${counters.map(([, column]) => `d."${column}" <> 0`).join(' OR ')});
      RETURN NULL;
    END $$`;
}

const NEW_ROWS = `SELECT "transfer_id", "status", 1 AS "sign" FROM "new_rows"`;
const CHANGED_ROWS = `${NEW_ROWS} UNION ALL SELECT "transfer_id", "status", -1 AS "sign" FROM "old_rows"`;

/**
 * How many of a transfer's parts are ready, stale, delivered or expired and how many of its subjects are
 * pending or awaiting approval, kept on the transfer itself: its status is read from these counters instead
 * of re-reading every part and subject after each part (which made building N one-subject parts quadratic).
 * Statement-level triggers keep them exact in the same statement as every part or subject write, whichever
 * code path makes it; existing transfers are counted once here.
 */
export class AddTransferStatusCounters1795340020000 implements MigrationInterface {
  name = 'AddTransferStatusCounters1795340020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = [...PART_COUNTERS, ...SUBJECT_COUNTERS].map(([, column]) => column);
    await queryRunner.query(
      `ALTER TABLE "transfers" ${columns.map((column) => `ADD COLUMN "${column}" integer NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await queryRunner.query(
      `ALTER TABLE "transfers" ADD CONSTRAINT "ck_transfers_status_counters" CHECK (${columns.map((column) => `"${column}" >= 0`).join(' AND ')})`,
    );
    await queryRunner.query(
      `UPDATE "transfers" t SET ${increments(PART_COUNTERS)}
         FROM (SELECT c."transfer_id", ${deltas(PART_COUNTERS)}
                 FROM (SELECT "transfer_id", "status", 1 AS "sign" FROM "transfer_parts") AS c GROUP BY c."transfer_id") AS d
        WHERE t."id" = d."transfer_id"`,
    );
    await queryRunner.query(
      `UPDATE "transfers" t SET ${increments(SUBJECT_COUNTERS)}
         FROM (SELECT c."transfer_id", ${deltas(SUBJECT_COUNTERS)}
                 FROM (SELECT "transfer_id", "status", 1 AS "sign" FROM "transfer_subjects") AS c GROUP BY c."transfer_id") AS d
        WHERE t."id" = d."transfer_id"`,
    );
    await queryRunner.query(counterFunction('transfer_parts_count_inserted', PART_COUNTERS, NEW_ROWS));
    await queryRunner.query(counterFunction('transfer_parts_count_updated', PART_COUNTERS, CHANGED_ROWS));
    await queryRunner.query(counterFunction('transfer_subjects_count_inserted', SUBJECT_COUNTERS, NEW_ROWS));
    await queryRunner.query(counterFunction('transfer_subjects_count_updated', SUBJECT_COUNTERS, CHANGED_ROWS));
    for (const table of ['transfer_parts', 'transfer_subjects']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_count_inserted" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS "new_rows"
           FOR EACH STATEMENT EXECUTE FUNCTION "${table}_count_inserted"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_count_updated" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
           FOR EACH STATEMENT EXECUTE FUNCTION "${table}_count_updated"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['transfer_subjects', 'transfer_parts']) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_count_updated" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tr_${table}_count_inserted" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "${table}_count_updated"()`);
      await queryRunner.query(`DROP FUNCTION "${table}_count_inserted"()`);
    }
    await queryRunner.query(`ALTER TABLE "transfers" DROP CONSTRAINT "ck_transfers_status_counters"`);
    const columns = [...PART_COUNTERS, ...SUBJECT_COUNTERS].map(([, column]) => column);
    await queryRunner.query(`ALTER TABLE "transfers" ${columns.map((column) => `DROP COLUMN "${column}"`).join(', ')}`);
  }
}
