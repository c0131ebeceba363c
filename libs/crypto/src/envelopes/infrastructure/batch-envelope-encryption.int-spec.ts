import { randomBytes, randomUUID } from 'node:crypto';
import { createRequestContext, withTransaction } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { BatchEnvelopeEncryption } from '../application/batch-envelope-encryption';
import { CryptoError } from '../../crypto.errors';
import { EnvelopeEncryption } from '../application/envelope-encryption';
import { LocalKeyManagementService } from '../../keys/application/key-management.service';
import { TypeOrmDataKeyBatchStore } from './typeorm-data-key-batch.store';
import { TypeOrmDataKeyStore } from './typeorm-data-key.store';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
}

describe('BatchEnvelopeEncryption over Postgres (data_keys)', () => {
  let dataSource: DataSource;
  let batch: BatchEnvelopeEncryption;
  let single: EnvelopeEncryption;
  const ctx = createRequestContext({ type: 'system', name: 'test' });
  const kms = new LocalKeyManagementService({ currentKekId: 'kek-test', keys: new Map([['kek-test', randomBytes(32)]]) });

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    batch = new BatchEnvelopeEncryption(kms, new TypeOrmDataKeyBatchStore(dataSource));
    single = new EnvelopeEncryption(kms, new TypeOrmDataKeyStore(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const keyCount = async (subjectIds: string[]): Promise<number> => {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "data_keys" WHERE "subject_id" = ANY($1::uuid[])`, [subjectIds]);
    return n as number;
  };

  it('creates the missing keys in one go, reuses existing ones, and its ciphertexts open with EnvelopeEncryption', async () => {
    const existing = randomUUID();
    const earlier = await single.encrypt(ctx, existing, Buffer.from('earlier'), Buffer.from('aad:earlier'));
    const fresh = Array.from({ length: 50 }, () => randomUUID());

    const keys = await batch.openForWriting(ctx, [existing, ...fresh, existing]);
    const sealed = [existing, ...fresh].map((subjectId) => ({
      subjectId,
      ciphertext: keys.seal(subjectId, Buffer.from(`record of ${subjectId}`), Buffer.from(`aad:${subjectId}`)),
    }));
    keys.close();

    expect(await keyCount([existing, ...fresh])).toBe(51);
    for (const { subjectId, ciphertext } of sealed) {
      expect((await single.decrypt(ctx, subjectId, ciphertext, Buffer.from(`aad:${subjectId}`))).toString()).toBe(`record of ${subjectId}`);
    }
    const reading = await batch.openForReading(ctx, [existing]);
    expect(reading.open(existing, earlier, Buffer.from('aad:earlier')).toString()).toBe('earlier');
    reading.close();
  });

  it('draws a fresh IV for every record, even equal plaintexts of one individual', async () => {
    const subjectId = randomUUID();
    const keys = await batch.openForWriting(ctx, [subjectId]);
    const ciphertexts = Array.from({ length: 200 }, () => keys.seal(subjectId, Buffer.from('same'), Buffer.from('aad')));
    keys.close();

    const ivs = new Set(ciphertexts.map((ciphertext) => ciphertext.subarray(1, 13).toString('hex')));
    expect(ivs.size).toBe(200);
    expect(new Set(ciphertexts.map((ciphertext) => ciphertext.toString('hex'))).size).toBe(200);
  });

  it('binds each ciphertext to its AAD and its individual: swapped rows do not open', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const keys = await batch.openForWriting(ctx, [first, second]);
    const ofFirst = keys.seal(first, Buffer.from('first'), Buffer.from('record-1|first'));

    expect(codeOf(() => keys.open(first, ofFirst, Buffer.from('record-2|first')))).toBe('ENVELOPE_DECRYPTION_FAILED');
    expect(codeOf(() => keys.open(second, ofFirst, Buffer.from('record-1|first')))).toBe('ENVELOPE_DECRYPTION_FAILED');
    keys.close();
    expect(codeOf(() => keys.seal(first, Buffer.from('x'), Buffer.from('y')))).toBe('INVALID_ARGUMENT');
  });

  it('opens nothing for a shredded individual: reading finds no key and their ciphertexts stay sealed', async () => {
    const subjectId = randomUUID();
    const keys = await batch.openForWriting(ctx, [subjectId]);
    const ciphertext = keys.seal(subjectId, Buffer.from('to be erased'), Buffer.from('aad'));
    keys.close();

    expect(await single.shred(ctx, subjectId)).toBe(true);

    const reading = await batch.openForReading(ctx, [subjectId]);
    expect(reading.has(subjectId)).toBe(false);
    expect(codeOf(() => reading.open(subjectId, ciphertext, Buffer.from('aad')))).toBe('DATA_KEY_NOT_FOUND');
    // A new deposit gets a new key, which does not open the old ciphertext.
    const again = await batch.openForWriting(ctx, [subjectId]);
    expect(codeOf(() => again.open(subjectId, ciphertext, Buffer.from('aad')))).toBe('ENVELOPE_DECRYPTION_FAILED');
    again.close();
  });

  it('ends with one key per individual when concurrent batches create the same keys', async () => {
    const subjects = Array.from({ length: 100 }, () => randomUUID());
    const racers = Array.from({ length: 4 }, () => new BatchEnvelopeEncryption(kms, new TypeOrmDataKeyBatchStore(dataSource)));

    const opened = await Promise.all(
      racers.map((racer, index) =>
        dataSource.transaction(async (manager) => {
          const keys = await racer.openForWriting(withTransaction(ctx, manager), index % 2 === 0 ? subjects : [...subjects].reverse());
          const sealed = subjects.map((subjectId) => keys.seal(subjectId, Buffer.from(`by ${index}`), Buffer.from(subjectId)));
          keys.close();
          return sealed;
        }),
      ),
    );

    expect(await keyCount(subjects)).toBe(100);
    const reading = await batch.openForReading(ctx, subjects);
    opened.forEach((sealed, index) =>
      sealed.forEach((ciphertext, position) =>
        expect(reading.open(subjects[position], ciphertext, Buffer.from(subjects[position])).toString()).toBe(`by ${index}`),
      ),
    );
    reading.close();
  });

  it("runs inside the caller's transaction: a rolled-back batch leaves no data key", async () => {
    const subjects = [randomUUID(), randomUUID()];
    const rollback = new Error('rollback');

    await expect(
      dataSource.transaction(async (manager) => {
        const keys = await batch.openForWriting(withTransaction(ctx, manager), subjects);
        keys.close();
        throw rollback;
      }),
    ).rejects.toBe(rollback);

    expect(await keyCount(subjects)).toBe(0);
  });
});
