import { randomUUID } from 'node:crypto';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../../../../test/support/platform';
import { TransferEntity } from './transfer.entity';
import { TransferRepository } from './transfer.repository';

const now = new Date('2026-12-01T00:00:00Z');

/** The counters as stored, and as a recount of the parts and subjects finds them. */
const COMPARE = `
  SELECT t."parts_ready", t."parts_stale", t."parts_delivered", t."parts_expired", t."subjects_pending", t."subjects_awaiting_approval",
         (SELECT count(*)::int FROM "transfer_parts" p WHERE p."transfer_id" = t."id" AND p."status" = 'ready') AS "recount_parts_ready",
         (SELECT count(*)::int FROM "transfer_parts" p WHERE p."transfer_id" = t."id" AND p."status" = 'stale') AS "recount_parts_stale",
         (SELECT count(*)::int FROM "transfer_parts" p WHERE p."transfer_id" = t."id" AND p."status" = 'delivered') AS "recount_parts_delivered",
         (SELECT count(*)::int FROM "transfer_parts" p WHERE p."transfer_id" = t."id" AND p."status" = 'expired') AS "recount_parts_expired",
         (SELECT count(*)::int FROM "transfer_subjects" s WHERE s."transfer_id" = t."id" AND s."status" = 'pending') AS "recount_subjects_pending",
         (SELECT count(*)::int FROM "transfer_subjects" s WHERE s."transfer_id" = t."id" AND s."status" = 'awaiting_approval')
           AS "recount_subjects_awaiting_approval"
    FROM "transfers" t WHERE t."id" = ANY($1::uuid[]) ORDER BY t."id"`;

describe('transfer status counters (kept by the database with every part and subject write)', () => {
  let environment: IsolatedEnvironment;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
  });
  afterAll(async () => {
    await environment?.dispose();
  });

  async function newTransfer(): Promise<string> {
    const id = randomUUID();
    await environment.dataSource.query(
      `INSERT INTO "transfers" ("id", "recipient_id", "offer_id", "idempotency_key", "request_digest", "status", "part_count",
                                "requested_at", "updated_at")
       VALUES ($1, $2, $3, $6, $5, 'processing', 0, $4, $4)`,
      [id, randomUUID(), randomUUID(), now, Buffer.alloc(32), id],
    );
    return id;
  }

  async function expectExact(transferIds: string[]): Promise<Record<string, number>[]> {
    const rows: Record<string, number>[] = await environment.dataSource.query(COMPARE, [transferIds]);
    for (const row of rows) {
      for (const column of Object.keys(row).filter((key) => !key.startsWith('recount_'))) {
        expect({ column, value: row[column] }).toEqual({ column, value: row[`recount_${column}`] });
      }
    }
    return rows;
  }

  it('match a recount after inserts, multi-row updates across transfers, and every status change of the lifecycle', async () => {
    const [first, second] = [await newTransfer(), await newTransfer()];
    const db = environment.dataSource;
    await db.query(
      `INSERT INTO "transfer_subjects" ("transfer_id", "subject_id", "offer_id", "status", "reason", "reserved_at", "updated_at")
       SELECT t, 's' || n, $3, CASE WHEN n % 3 = 0 THEN 'awaiting_approval' WHEN n % 3 = 1 THEN 'pending' ELSE 'denied' END,
              CASE WHEN n % 3 = 2 THEN 'no_records' END, $4, $4
         FROM unnest(ARRAY[$1, $2]::uuid[]) AS t, generate_series(1, 30) AS n`,
      [first, second, randomUUID(), now],
    );
    expect(await expectExact([first, second])).toEqual([
      expect.objectContaining({ subjects_pending: 10, subjects_awaiting_approval: 10 }),
      expect.objectContaining({ subjects_pending: 10, subjects_awaiting_approval: 10 }),
    ]);

    // Parts 1..3 of each transfer, their pending subjects packaged into them.
    await db.query(
      `INSERT INTO "transfer_parts" ("transfer_id", "part", "status", "generation", "subject_count", "package", "built_at", "expires_at")
       SELECT t, n, 'ready', 1, 1, 'x', $3, $3 FROM unnest(ARRAY[$1, $2]::uuid[]) AS t, generate_series(1, 3) AS n`,
      [first, second, now],
    );
    await db.query(
      `UPDATE "transfer_subjects" SET "status" = 'ready', "part" = 1 + (substr("subject_id", 2)::int % 3)
        WHERE "transfer_id" = ANY($1::uuid[]) AND "status" = 'pending'`,
      [[first, second]],
    );
    await expectExact([first, second]);

    // Deliver part 1, make part 2 stale (its subjects back to pending), expire part 3, approve and deny some subjects.
    await db.query(`UPDATE "transfer_parts" SET "status" = 'delivered' WHERE "transfer_id" = $1 AND "part" = 1`, [first]);
    await db.query(`UPDATE "transfer_subjects" SET "status" = 'delivered' WHERE "transfer_id" = $1 AND "part" = 1`, [first]);
    await db.query(`UPDATE "transfer_parts" SET "status" = 'stale' WHERE "transfer_id" = ANY($1::uuid[]) AND "part" = 2`, [
      [first, second],
    ]);
    await db.query(`UPDATE "transfer_subjects" SET "status" = 'pending' WHERE "transfer_id" = ANY($1::uuid[]) AND "part" = 2`, [
      [first, second],
    ]);
    await db.query(`UPDATE "transfer_parts" SET "status" = 'expired' WHERE "part" = 3 AND "transfer_id" = ANY($1::uuid[])`, [
      [first, second],
    ]);
    await db.query(`UPDATE "transfer_subjects" SET "status" = 'expired' WHERE "part" = 3 AND "transfer_id" = ANY($1::uuid[])`, [
      [first, second],
    ]);
    await db.query(
      `UPDATE "transfer_subjects" SET "status" = 'pending' WHERE "status" = 'awaiting_approval' AND substr("subject_id", 2)::int < 10`,
    );
    await db.query(
      `UPDATE "transfer_subjects" SET "status" = 'denied', "reason" = 'revoked', "part" = NULL
        WHERE "transfer_id" = $1 AND "status" IN ('pending', 'awaiting_approval') AND substr("subject_id", 2)::int > 20`,
      [second],
    );
    // A write that changes no status (a rebuild's new bytes) leaves the counters alone.
    await db.query(`UPDATE "transfer_parts" SET "generation" = "generation" + 1 WHERE "transfer_id" = $1`, [first]);
    const [firstCounts] = await expectExact([first]);
    expect(firstCounts).toMatchObject({ parts_ready: 0, parts_stale: 1, parts_delivered: 1, parts_expired: 1 });
    await expectExact([second]);
  });

  it("is what the transfer's status is read from: one row, whatever the number of parts", async () => {
    const transferId = await newTransfer();
    const db = environment.dataSource;
    await db.query(
      `INSERT INTO "transfer_parts" ("transfer_id", "part", "status", "generation", "subject_count", "package", "built_at", "expires_at")
       SELECT $1, n, CASE WHEN n = 1 THEN 'ready' ELSE 'delivered' END, 1, 1, 'x', $2, $2 FROM generate_series(1, 50) AS n`,
      [transferId, now],
    );
    const transfer = await db.manager.findOneByOrFail(TransferEntity, { id: transferId });
    const tx = withTransaction(
      createRequestContext({ type: 'system', name: 'test' }, undefined, () => now),
      db.manager,
    );
    expect(await new TransferRepository().settleStatus(tx, transfer, now)).toBe('ready');
    await db.query(`UPDATE "transfer_parts" SET "status" = 'delivered' WHERE "transfer_id" = $1 AND "part" = 1`, [transferId]);
    expect(await new TransferRepository().settleStatus(tx, await db.manager.findOneByOrFail(TransferEntity, { id: transferId }), now)).toBe(
      'delivered',
    );
    expect(await db.manager.findOneByOrFail(TransferEntity, { id: transferId })).toMatchObject({
      status: 'delivered',
      partsDelivered: 50,
      partsReady: 0,
      deliveredAt: now,
    });
  });
});
