import { randomBytes } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import { KeyedSeal } from './keyed-seal';

describe('KeyedSeal', () => {
  const secret = randomBytes(32);
  const value = Buffer.from('a provision position');

  it('Given a sealed value, then the same secret and purpose open it, and the sealed bytes do not contain it', () => {
    const sealed = KeyedSeal.derive(secret, 'test/v1').seal(value);
    expect(sealed).toHaveLength(value.length + 28);
    expect(sealed.includes(value)).toBe(false);
    expect(KeyedSeal.derive(secret, 'test/v1').open(sealed)?.equals(value)).toBe(true);
  });

  it('Given one value sealed twice, then the sealed bytes differ (a fresh nonce each time)', () => {
    const seal = KeyedSeal.derive(secret, 'test/v1');
    expect(seal.seal(value).equals(seal.seal(value))).toBe(false);
  });

  it('Given an altered, truncated or foreign sealed value, then it does not open', () => {
    const seal = KeyedSeal.derive(secret, 'test/v1');
    const sealed = seal.seal(value);
    for (const index of [0, 12, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[index] ^= 1;
      expect(seal.open(altered)).toBeNull();
    }
    expect(seal.open(sealed.subarray(0, 27))).toBeNull();
    expect(KeyedSeal.derive(secret, 'test/v2').open(sealed)).toBeNull();
    expect(KeyedSeal.derive(randomBytes(32), 'test/v1').open(sealed)).toBeNull();
  });

  it('Given a short secret or no purpose, then deriving fails', () => {
    expect(() => KeyedSeal.derive(randomBytes(16), 'test/v1')).toThrow(CryptoError);
    expect(() => KeyedSeal.derive(secret, '')).toThrow(CryptoError);
  });
});
