import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import { KeyedDigest } from './keyed-digest';

describe('KeyedDigest', () => {
  const secret = randomBytes(32);

  it('Given one secret and purpose, then equal parts give equal digests and different parts differ', () => {
    const digest = KeyedDigest.derive(secret, 'test/v1');
    expect(digest.digest('a', 'b').equals(KeyedDigest.derive(secret, 'test/v1').digest('a', 'b'))).toBe(true);
    expect(digest.digest('a', 'b').equals(digest.digest('a', 'c'))).toBe(false);
    expect(digest.digest('a', 'b')).toHaveLength(32);
  });

  it('Given text and byte parts, then the digest is HMAC-SHA-256 under the HKDF key of the 4-byte big-endian length and bytes of each part (digests stored earlier stay comparable)', () => {
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), Buffer.from('test/v1', 'utf8'), 32));
    const parts: (string | Buffer)[] = ['さくら', '', Buffer.from([0, 1, 2, 255]), 'x'.repeat(300)];
    const expected = createHmac('sha256', key);
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      expected.update(length).update(bytes);
    }
    expect(
      KeyedDigest.derive(secret, 'test/v1')
        .digest(...parts)
        .equals(expected.digest()),
    ).toBe(true);
  });

  it('Given parts that concatenate alike, then the digests differ (parts are length-prefixed)', () => {
    const digest = KeyedDigest.derive(secret, 'test/v1');
    expect(digest.digest('ab', 'c').equals(digest.digest('a', 'bc'))).toBe(false);
  });

  it('Given another purpose or another secret, then the digests are unrelated', () => {
    const parts = ['record', '{"x":1}'];
    const base = KeyedDigest.derive(secret, 'test/v1').digest(...parts);
    expect(base.equals(KeyedDigest.derive(secret, 'test/v2').digest(...parts))).toBe(false);
    expect(base.equals(KeyedDigest.derive(randomBytes(32), 'test/v1').digest(...parts))).toBe(false);
  });

  it('Given a short secret, then it refuses, and it never prints its key', () => {
    expect(() => KeyedDigest.derive(randomBytes(16), 'test/v1')).toThrow(CryptoError);
    expect(JSON.stringify({ digest: KeyedDigest.derive(secret, 'test/v1') })).toBe('{"digest":"[KeyedDigest redacted]"}');
  });
});
