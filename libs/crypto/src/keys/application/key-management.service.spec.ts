import { randomBytes } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import { LocalKeyManagementService } from './key-management.service';

describe('LocalKeyManagementService', () => {
  const current = randomBytes(32);
  const previous = randomBytes(32);
  const kms = new LocalKeyManagementService({
    currentKekId: 'kek-2',
    keys: new Map([
      ['kek-2', current],
      ['kek-1', previous],
    ]),
  });

  it('wraps with the current KEK and unwraps to the same data key', async () => {
    const dataKey = randomBytes(32);
    const { kekId, wrappedKey } = await kms.wrapDataKey(dataKey);

    expect(kekId).toBe('kek-2');
    expect(wrappedKey).toHaveLength(12 + 16 + 32);
    expect(wrappedKey.includes(dataKey)).toBe(false);
    expect((await kms.unwrapDataKey(kekId, wrappedKey)).equals(dataKey)).toBe(true);
  });

  it('draws a fresh IV for every wrap, across refills of the IV pool, and every wrapped key unwraps', async () => {
    const dataKey = randomBytes(32);
    const wrapped = await Promise.all(Array.from({ length: 600 }, () => kms.wrapDataKey(dataKey)));
    expect(new Set(wrapped.map(({ wrappedKey }) => wrappedKey.subarray(0, 12).toString('hex'))).size).toBe(600);
    for (const { kekId, wrappedKey } of wrapped) expect((await kms.unwrapDataKey(kekId, wrappedKey)).equals(dataKey)).toBe(true);
  });

  it('still unwraps keys wrapped by an older KEK after the current one changed', async () => {
    const before = new LocalKeyManagementService({ currentKekId: 'kek-1', keys: new Map([['kek-1', previous]]) });
    const dataKey = randomBytes(32);
    const wrapped = await before.wrapDataKey(dataKey);
    expect((await kms.unwrapDataKey(wrapped.kekId, wrapped.wrappedKey)).equals(dataKey)).toBe(true);
  });

  it.each([0, 5, 12, 20, 40])('rejects a wrapped key tampered at byte %i', async (index) => {
    const { kekId, wrappedKey } = await kms.wrapDataKey(randomBytes(32));
    wrappedKey[index] ^= 0x01;
    await expect(kms.unwrapDataKey(kekId, wrappedKey)).rejects.toMatchObject({ code: 'KEY_UNWRAP_FAILED' });
  });

  it('rejects a wrapped key presented under another KEK id (the id is authenticated)', async () => {
    const { wrappedKey } = await kms.wrapDataKey(randomBytes(32));
    await expect(kms.unwrapDataKey('kek-1', wrappedKey)).rejects.toMatchObject({ code: 'KEY_UNWRAP_FAILED' });
  });

  it('rejects an unknown KEK id', async () => {
    const { wrappedKey } = await kms.wrapDataKey(randomBytes(32));
    const error = await kms.unwrapDataKey('kek-9', wrappedKey).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).code).toBe('KEK_NOT_FOUND');
  });
});
