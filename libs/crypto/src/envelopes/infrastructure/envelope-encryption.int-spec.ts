import { randomBytes, randomUUID } from 'node:crypto';
import { createRequestContext, withTransaction, type RequestContext } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { CryptoError, type CryptoErrorCode } from '../../crypto.errors';
import type { DataKeyStore, StoredDataKey } from '../application/data-key-store';
import { EnvelopeEncryption } from '../application/envelope-encryption';
import { LocalKeyManagementService } from '../../keys/application/key-management.service';
import { DataKeyEntity } from './data-key.entity';
import { TypeOrmDataKeyStore } from './typeorm-data-key.store';

async function expectCryptoError(promise: Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
}

/**
 * The real store, except that each instance's first lookup waits until every racer has looked:
 * so all of them see "no key yet" and all try to create one, which is the race under test.
 */
class RacingStore implements DataKeyStore {
  constructor(
    private readonly inner: TypeOrmDataKeyStore,
    private readonly everyoneHasLooked: () => Promise<void>,
  ) {}

  private waited = false;
  inserts = 0;

  async find(ctx: RequestContext, subjectId: string): Promise<StoredDataKey | null> {
    const found = await this.inner.find(ctx, subjectId);
    if (!this.waited) {
      this.waited = true;
      await this.everyoneHasLooked();
    }
    return found;
  }

  async insertIfAbsent(ctx: RequestContext, subjectId: string, dataKey: StoredDataKey): Promise<void> {
    this.inserts += 1;
    await this.inner.insertIfAbsent(ctx, subjectId, dataKey);
  }

  delete(ctx: RequestContext, subjectId: string): Promise<boolean> {
    return this.inner.delete(ctx, subjectId);
  }
}

function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return released;
  };
}

describe('EnvelopeEncryption over Postgres (data_keys)', () => {
  let dataSource: DataSource;
  let envelope: EnvelopeEncryption;
  const ctx = createRequestContext({ type: 'system', name: 'test' });
  const kms = new LocalKeyManagementService({ currentKekId: 'kek-test', keys: new Map([['kek-test', randomBytes(32)]]) });
  const aad = Buffer.from('record:1');

  beforeAll(async () => {
    // The run's migrated test database, read through the same configuration the apps use.
    dataSource = await openTestDataSource();
    envelope = new EnvelopeEncryption(kms, new TypeOrmDataKeyStore(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const storedKeys = (subjectId: string) => dataSource.getRepository(DataKeyEntity).findBy({ subjectId });

  it('round-trips a record and stores only the wrapped data key', async () => {
    const subjectId = randomUUID();
    const plaintext = Buffer.from('{"bloodPressure":"120/80"}');

    const ciphertext = await envelope.encrypt(ctx, subjectId, plaintext, aad);

    expect(ciphertext[0]).toBe(0x01);
    expect(ciphertext).toHaveLength(1 + 12 + 16 + plaintext.length);
    expect(ciphertext.includes(plaintext)).toBe(false);
    expect((await envelope.decrypt(ctx, subjectId, ciphertext, aad)).equals(plaintext)).toBe(true);
    const [row] = await storedKeys(subjectId);
    expect(row).toMatchObject({ subjectId, kekId: 'kek-test' });
    expect(row.wrappedKey).toHaveLength(12 + 16 + 32);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it("reuses the individual's data key and encrypts many records with one unwrap", async () => {
    const subjectId = randomUUID();
    const first = await envelope.encrypt(ctx, subjectId, Buffer.from('first'), aad);
    const items = [0, 1, 2].map((index) => ({ plaintext: Buffer.from(`record ${index}`), aad: Buffer.from(`record:${index}`) }));

    const sealed = await envelope.encryptMany(ctx, subjectId, items);
    const opened = await envelope.decryptMany(
      ctx,
      subjectId,
      sealed.map((ciphertext, index) => ({ ciphertext, aad: items[index].aad })),
    );

    expect(opened.map((buffer) => buffer.toString())).toEqual(['record 0', 'record 1', 'record 2']);
    expect((await envelope.decrypt(ctx, subjectId, first, aad)).toString()).toBe('first');
    expect(await storedKeys(subjectId)).toHaveLength(1);
  });

  it('ends with one stored key when several processes encrypt for a new individual at once', async () => {
    const subjectId = randomUUID();
    // Separate instances, as separate processes would have, all finding no key and creating one.
    const everyoneHasLooked = barrier(6);
    const stores = Array.from({ length: 6 }, () => new RacingStore(new TypeOrmDataKeyStore(dataSource), everyoneHasLooked));
    const processes = stores.map((store) => new EnvelopeEncryption(kms, store));

    const ciphertexts = await Promise.all(
      processes.map((process, index) => process.encrypt(ctx, subjectId, Buffer.from(`deposit ${index}`), aad)),
    );

    expect(stores.map((store) => store.inserts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await storedKeys(subjectId)).toHaveLength(1);
    const decrypted = await Promise.all(ciphertexts.map((ciphertext) => envelope.decrypt(ctx, subjectId, ciphertext, aad)));
    expect(decrypted.map((buffer) => buffer.toString())).toEqual(processes.map((_, index) => `deposit ${index}`));
  });

  it('makes the data unreadable everywhere at once after shredding (crypto-shredding)', async () => {
    const subjectId = randomUUID();
    const otherProcess = new EnvelopeEncryption(kms, new TypeOrmDataKeyStore(dataSource));
    const ciphertext = await envelope.encrypt(ctx, subjectId, Buffer.from('to be erased'), aad);
    expect((await otherProcess.decrypt(ctx, subjectId, ciphertext, aad)).toString()).toBe('to be erased');

    expect(await envelope.shred(ctx, subjectId)).toBe(true);

    await expectCryptoError(envelope.decrypt(ctx, subjectId, ciphertext, aad), 'DATA_KEY_NOT_FOUND');
    await expectCryptoError(otherProcess.decrypt(ctx, subjectId, ciphertext, aad), 'DATA_KEY_NOT_FOUND');
    expect(await storedKeys(subjectId)).toHaveLength(0);
    expect(await envelope.shred(ctx, subjectId)).toBe(false);
  });

  it('does not bring shredded data back when the individual deposits again', async () => {
    const subjectId = randomUUID();
    const before = await envelope.encrypt(ctx, subjectId, Buffer.from('old'), aad);
    await envelope.shred(ctx, subjectId);

    const after = await envelope.encrypt(ctx, subjectId, Buffer.from('new'), aad);

    expect((await envelope.decrypt(ctx, subjectId, after, aad)).toString()).toBe('new');
    await expectCryptoError(envelope.decrypt(ctx, subjectId, before, aad), 'ENVELOPE_DECRYPTION_FAILED');
  });

  it('rejects a ciphertext presented with another AAD or another individual', async () => {
    const subjectId = randomUUID();
    const ciphertext = await envelope.encrypt(ctx, subjectId, Buffer.from('bound to record 1'), aad);
    const otherSubject = randomUUID();
    await envelope.encrypt(ctx, otherSubject, Buffer.from('x'), aad);

    await expectCryptoError(envelope.decrypt(ctx, subjectId, ciphertext, Buffer.from('record:2')), 'ENVELOPE_DECRYPTION_FAILED');
    await expectCryptoError(envelope.decrypt(ctx, otherSubject, ciphertext, aad), 'ENVELOPE_DECRYPTION_FAILED');
  });

  it('rejects a tampered or truncated ciphertext', async () => {
    const subjectId = randomUUID();
    const ciphertext = await envelope.encrypt(ctx, subjectId, Buffer.from('integrity'), aad);
    const tampered = Buffer.from(ciphertext);
    tampered[tampered.length - 1] ^= 0x01;

    await expectCryptoError(envelope.decrypt(ctx, subjectId, tampered, aad), 'ENVELOPE_DECRYPTION_FAILED');
    await expectCryptoError(envelope.decrypt(ctx, subjectId, ciphertext.subarray(0, 20), aad), 'ENVELOPE_MALFORMED');
    await expectCryptoError(
      envelope.decrypt(ctx, subjectId, Buffer.concat([Buffer.of(0x02), ciphertext.subarray(1)]), aad),
      'ENVELOPE_MALFORMED',
    );
  });

  it("runs inside the caller's transaction: a rolled-back deposit leaves no data key", async () => {
    const subjectId = randomUUID();
    const rollback = new Error('rollback');

    await expect(
      dataSource.transaction(async (manager) => {
        const ciphertext = await envelope.encrypt(withTransaction(ctx, manager), subjectId, Buffer.from('uncommitted'), aad);
        expect((await envelope.decrypt(withTransaction(ctx, manager), subjectId, ciphertext, aad)).toString()).toBe('uncommitted');
        throw rollback;
      }),
    ).rejects.toBe(rollback);

    expect(await storedKeys(subjectId)).toHaveLength(0);
  });
});
