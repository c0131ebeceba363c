import { randomInt, randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountClosureModule } from '@infobank/auth';
import { CatalogModule } from '@infobank/catalog';
import { BatchEnvelopeEncryption, CryptoModule } from '@infobank/crypto';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext, PlatformModule, withTransaction, type Actor, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { testConfig, testLogger } from '../../../../../test/support/platform';
import { VaultModule } from '../../vault.module';
import { recordAad } from '../domain/record-aad';
import { CountRecordsForProvisionUseCase } from './count-records-for-provision.use-case';
import { FindChangedRecordsUseCase } from './find-changed-records.use-case';
import { ReadRecordsForProvisionUseCase } from './read-records-for-provision.use-case';

/** The vault as the worker wires it: platform, crypto, catalog, accounts. */
@Module({})
class VaultTestModule {
  static register(): DynamicModule {
    return {
      module: VaultTestModule,
      imports: [
        PlatformModule.forRoot({ service: 'vault-provision-test', config: testConfig(), logger: testLogger(), ...SCHEMA }),
        CryptoModule.forPlatform(),
        CatalogModule.forRoot(),
        AccountClosureModule,
        VaultModule,
      ],
    };
  }
}

interface SeededRecord {
  id: string;
  individualId: string;
  category: string;
  observedAt: Date;
  version: number;
  data: unknown;
}

const RECEIPTS = 'purchase.receipts';
const TRANSACTIONS = 'finance.transactions';
const PROFILE = 'profile.basic';
const at = (iso: string) => new Date(iso);

describe('reading records for a provision, over Postgres', () => {
  const worker = createRequestContext({ type: 'system', name: 'transfer-worker' });
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let envelope: BatchEnvelopeEncryption;
  let count: CountRecordsForProvisionUseCase;
  let read: ReadRecordsForProvisionUseCase;
  const providerId = randomUUID();
  const [alice, bob, carol, shredded, nobody] = Array.from({ length: 5 }, () => randomUUID());
  let seeded: SeededRecord[];

  /**
   * Stores records as a deposit does: each content sealed with the individual's real data key under the
   * record's AAD (row id, version, individual), with a deposit batch's provenance.
   */
  async function deposit(records: Omit<SeededRecord, 'id' | 'version'>[], version = 1): Promise<SeededRecord[]> {
    const stored = records.map((record) => ({ ...record, id: randomUUID(), version }));
    const batchId = randomUUID();
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "deposit_batches" ("id", "provider_id", "batch_id", "jws_digest", "payload_digest", "signing_kid", "record_count")
         VALUES ($1, $2, $3, '\\x00', '\\x00', 'kid-test', $4)`,
        [batchId, providerId, `batch-${batchId}`, stored.length],
      );
      const keys = await envelope.openForWriting(
        withTransaction(worker, manager),
        stored.map((record) => record.individualId),
      );
      try {
        for (const record of stored) {
          const plaintext = Buffer.from(JSON.stringify(record.data), 'utf8');
          await manager.query(
            `INSERT INTO "vault_records" ("id", "provider_id", "record_id", "individual_id", "category", "observed_at", "version",
               "content_digest", "ciphertext", "plaintext_bytes", "deposit_batch_id", "jws_digest", "signing_kid", "received_at", "first_received_at")
             VALUES ($1, $2, $3, $4, $5, $6, $7, '\\x00', $8, $9, $10, '\\x00', 'kid-test', now(), now())`,
            [
              record.id,
              providerId,
              `rec-${record.id}`,
              record.individualId,
              record.category,
              record.observedAt,
              record.version,
              keys.seal(record.individualId, plaintext, recordAad(record.id, record.version, record.individualId)),
              plaintext.length,
              batchId,
            ],
          );
        }
      } finally {
        keys.close();
      }
    });
    return stored;
  }

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(VaultTestModule.register(), { logger: false, abortOnError: false });
    dataSource = app.get(DataSource);
    envelope = app.get(BatchEnvelopeEncryption);
    count = app.get(CountRecordsForProvisionUseCase);
    read = app.get(ReadRecordsForProvisionUseCase);
    await dataSource.query(
      `INSERT INTO organisations (id, corporate_number, name_ja, country, roles, terms_version, status)
       VALUES ($1, $2, 'テスト提供元', 'JP', ARRAY['provider'], '2025-01', 'active')`,
      [providerId, String(randomInt(1, 10)) + String(randomInt(0, 1e12)).padStart(12, '0')],
    );
    seeded = await deposit([
      // Alice: receipts before, inside (at the inclusive start) and after (at the exclusive end) the range; one transaction inside.
      { individualId: alice, category: RECEIPTS, observedAt: at('2025-03-15T00:00:00Z'), data: { total: 1 } },
      { individualId: alice, category: RECEIPTS, observedAt: at('2025-05-01T00:00:00Z'), data: { total: 2 } },
      { individualId: alice, category: RECEIPTS, observedAt: at('2025-04-01T00:00:00Z'), data: { total: 3, note: '牛乳' } },
      { individualId: alice, category: RECEIPTS, observedAt: at('2025-04-20T09:30:00Z'), data: { total: 4 } },
      { individualId: alice, category: TRANSACTIONS, observedAt: at('2025-04-10T00:00:00Z'), data: { amount: -500 } },
      // A category nobody asks for.
      { individualId: alice, category: PROFILE, observedAt: at('2025-04-10T00:00:00Z'), data: { name: '花子' } },
      // Bob: only transactions, two inside at the same instant (ordered by id), one far before.
      { individualId: bob, category: TRANSACTIONS, observedAt: at('2025-04-05T00:00:00Z'), data: { amount: 1 } },
      { individualId: bob, category: TRANSACTIONS, observedAt: at('2025-04-05T00:00:00Z'), data: { amount: 2 } },
      { individualId: bob, category: TRANSACTIONS, observedAt: at('2024-01-01T00:00:00Z'), data: { amount: 3 } },
      // Carol: receipts, none inside the range.
      { individualId: carol, category: RECEIPTS, observedAt: at('2025-06-01T00:00:00Z'), data: { total: 9 } },
      // An individual closing their account: data key shredded after the deposit.
      { individualId: shredded, category: RECEIPTS, observedAt: at('2025-04-02T00:00:00Z'), data: { total: 7 } },
    ]);
    // A record in its second version: sealed under version 2's AAD.
    seeded.push(
      ...(await deposit(
        [{ individualId: carol, category: TRANSACTIONS, observedAt: at('2025-04-30T23:59:59.999Z'), data: { amount: 42 } }],
        2,
      )),
    );
    await dataSource.query(`DELETE FROM "data_keys" WHERE "subject_id" = $1`, [shredded]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const april = { from: at('2025-04-01T00:00:00Z'), to: at('2025-05-01T00:00:00Z') };
  const everyone = () => [alice, bob, carol, shredded, nobody];

  describe('CountRecordsForProvisionUseCase', () => {
    it('counts per individual and category, in total and inside the range (from inclusive, to exclusive)', async () => {
      const counts = await count.execute(worker, { individualIds: everyone(), categories: [RECEIPTS, TRANSACTIONS], range: april });

      expect(counts).toEqual(
        new Map([
          [
            alice,
            new Map([
              [RECEIPTS, { total: 4, inRange: 2 }],
              [TRANSACTIONS, { total: 1, inRange: 1 }],
            ]),
          ],
          [bob, new Map([[TRANSACTIONS, { total: 3, inRange: 2 }]])],
          [
            carol,
            new Map([
              [RECEIPTS, { total: 1, inRange: 0 }],
              [TRANSACTIONS, { total: 1, inRange: 1 }],
            ]),
          ],
          [shredded, new Map([[RECEIPTS, { total: 1, inRange: 1 }]])],
        ]),
      );
      expect(counts.has(nobody)).toBe(false);
    });

    it('treats a null end as open and counts only the asked categories', async () => {
      const fromApril = await count.execute(worker, {
        individualIds: [alice, bob],
        categories: [RECEIPTS],
        range: { from: april.from, to: null },
      });
      expect(fromApril).toEqual(new Map([[alice, new Map([[RECEIPTS, { total: 4, inRange: 3 }]])]]));

      const beforeMay = await count.execute(worker, {
        individualIds: [bob],
        categories: [TRANSACTIONS],
        range: { from: null, to: april.to },
      });
      expect(beforeMay.get(bob)?.get(TRANSACTIONS)).toEqual({ total: 3, inRange: 3 });
    });

    it('runs in the caller’s transaction and sees its uncommitted records', async () => {
      const newcomer = randomUUID();
      await dataSource
        .transaction(async (manager) => {
          await manager.query(
            `INSERT INTO "vault_records" ("id", "provider_id", "record_id", "individual_id", "category", "observed_at", "version",
               "content_digest", "ciphertext", "plaintext_bytes", "deposit_batch_id", "jws_digest", "signing_kid", "received_at", "first_received_at")
             SELECT gen_random_uuid(), "provider_id", 'rec-' || gen_random_uuid(), $1, "category", "observed_at", 1,
                    "content_digest", "ciphertext", "plaintext_bytes", "deposit_batch_id", "jws_digest", "signing_kid", now(), now()
               FROM "vault_records" WHERE "id" = $2`,
            [newcomer, seeded[0].id],
          );
          const inside = await count.execute(
            { ...worker, transaction: manager },
            { individualIds: [newcomer], categories: [RECEIPTS], range: april },
          );
          expect(inside.get(newcomer)?.get(RECEIPTS)).toEqual({ total: 1, inRange: 0 });
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
      expect((await count.execute(worker, { individualIds: [newcomer], categories: [RECEIPTS], range: april })).size).toBe(0);
    });
  });

  describe('ReadRecordsForProvisionUseCase', () => {
    it('decrypts the asked categories’ records observed inside the range, per individual, oldest first then by id', async () => {
      const records = await read.execute(worker, { individualIds: everyone(), categories: [RECEIPTS, TRANSACTIONS], range: april });

      const expected = (individualId: string) =>
        seeded
          .filter(
            (record) =>
              record.individualId === individualId &&
              [RECEIPTS, TRANSACTIONS].includes(record.category) &&
              record.observedAt >= april.from &&
              record.observedAt < april.to,
          )
          .sort((left, right) => left.observedAt.getTime() - right.observedAt.getTime() || (left.id < right.id ? -1 : 1))
          .map((record) => ({
            id: record.id,
            providerId,
            category: record.category,
            observedAt: record.observedAt,
            version: record.version,
            receivedAt: expect.any(Date),
            data: record.data,
          }));
      expect([...records.keys()].sort()).toEqual([alice, bob, carol].sort());
      expect(records.get(alice)).toEqual(expected(alice));
      expect(records.get(alice)?.map((record) => record.data)).toEqual([{ total: 3, note: '牛乳' }, { amount: -500 }, { total: 4 }]);
      expect(records.get(bob)?.map((record) => record.data)).toEqual(expected(bob).map((record) => record.data));
      expect(records.get(bob)).toHaveLength(2);
      expect(records.get(carol)).toEqual(expected(carol));
      expect(records.get(carol)?.[0]).toMatchObject({ version: 2, data: { amount: 42 } });
    });

    it('yields nothing for an individual whose data key was shredded, while still reading the others', async () => {
      const records = await read.execute(worker, { individualIds: [shredded, alice], categories: [RECEIPTS], range: april });
      expect(records.has(shredded)).toBe(false);
      expect(records.get(alice)).toHaveLength(2);
    });

    it('reads only the asked categories, and nothing when none is inside the range', async () => {
      const profile = await read.execute(worker, { individualIds: [alice], categories: [PROFILE], range: { from: null, to: null } });
      expect(profile.get(alice)?.map((record) => record.data)).toEqual([{ name: '花子' }]);
      expect((await read.execute(worker, { individualIds: [carol], categories: [RECEIPTS], range: april })).size).toBe(0);
    });
  });

  describe('FindChangedRecordsUseCase', () => {
    it('names the records no longer in the vault at the version packaged: erased, or superseded; unchanged ones are absent', async () => {
      const find = app.get(FindChangedRecordsUseCase);
      const [kept, superseded, erased] = await deposit([
        { individualId: nobody, category: RECEIPTS, observedAt: at('2025-04-03T00:00:00Z'), data: { total: 10 } },
        { individualId: nobody, category: RECEIPTS, observedAt: at('2025-04-04T00:00:00Z'), data: { total: 11 } },
        { individualId: nobody, category: RECEIPTS, observedAt: at('2025-04-05T00:00:00Z'), data: { total: 12 } },
      ]);
      const packaged = [kept, superseded, erased].map((record) => ({ id: record.id, version: record.version }));
      expect(await find.execute(worker, { records: packaged })).toEqual(new Map());

      await dataSource.query(`UPDATE "vault_records" SET "version" = 2 WHERE "id" = $1`, [superseded.id]);
      await dataSource.query(`DELETE FROM "vault_records" WHERE "id" = $1`, [erased.id]);
      expect(await find.execute(worker, { records: packaged })).toEqual(
        new Map([
          [superseded.id, 'superseded'],
          [erased.id, 'erased'],
        ]),
      );
      // Only the bank's side asks.
      await expect(find.execute(createRequestContext({ type: 'individual', id: nobody }), { records: packaged })).rejects.toThrow(
        /bank's worker or operator only/,
      );
    });
  });

  describe('who may call them', () => {
    const refusedActors: Actor[] = [
      { type: 'individual', id: randomUUID() },
      { type: 'organisation', id: randomUUID(), roles: ['recipient'] },
      { type: 'board_member', id: randomUUID() },
      { type: 'anonymous' },
    ];
    const command = () => ({ individualIds: [alice], categories: [RECEIPTS], range: april });

    it.each(refusedActors)('refuses an actor of type $type: a programming error, not a domain refusal', async (actor) => {
      const ctx: RequestContext = createRequestContext(actor);
      await expect(count.execute(ctx, command())).rejects.toThrow(/bank's worker or operator only/);
      await expect(read.execute(ctx, command())).rejects.toThrow(/bank's worker or operator only/);
    });

    it('lets the operator read, and refuses more than 1,000 individuals at once', async () => {
      const operator = createRequestContext({ type: 'operator', name: 'test' });
      expect((await read.execute(operator, command())).get(alice)).toHaveLength(2);
      const tooMany = { ...command(), individualIds: Array.from({ length: 1_001 }, () => randomUUID()) };
      await expect(count.execute(worker, tooMany)).rejects.toThrow(/at most 1000 individuals/);
      await expect(read.execute(worker, tooMany)).rejects.toThrow(/at most 1000 individuals/);
      const thousand = { ...command(), individualIds: [alice, ...Array.from({ length: 999 }, () => randomUUID())] };
      expect((await count.execute(worker, thousand)).size).toBe(1);
    });
  });
});
