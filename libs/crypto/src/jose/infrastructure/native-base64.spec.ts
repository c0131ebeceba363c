import { base64url, CompactSign, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { toBase64 } from './native-base64';

/** jose's own fallback: btoa over a binary string (what it used on Node 20 before). */
function btoaBase64(bytes: Uint8Array, url: boolean): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 8192) binary += String.fromCharCode(...bytes.subarray(start, start + 8192));
  const encoded = btoa(binary);
  return url ? encoded.replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_') : encoded;
}

describe('toBase64 (the encoding jose uses for every JWS and JWE)', () => {
  it('gives the same text as the btoa fallback, padded and unpadded, for every length remainder and an offset view', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 1000, 4099]) {
      const backing = randomBytes(length + 7);
      const bytes = new Uint8Array(backing.buffer, backing.byteOffset + 7, length);
      expect(toBase64(bytes)).toBe(btoaBase64(bytes, false));
      expect(toBase64(bytes, { alphabet: 'base64url', omitPadding: true })).toBe(btoaBase64(bytes, true));
      expect(toBase64(bytes, { alphabet: 'base64', omitPadding: true })).toBe(btoaBase64(bytes, false).replace(/=+$/, ''));
      expect(toBase64(bytes, { alphabet: 'base64url' })).toBe(btoaBase64(bytes, false).replace(/\+/g, '-').replace(/\//g, '_'));
    }
  });

  it('refuses an unknown alphabet', () => {
    expect(() => toBase64(new Uint8Array([1]), { alphabet: 'hex' as 'base64' })).toThrow(TypeError);
  });

  it('is installed for jose, whose compact JWS over it is the same text as over its btoa fallback', async () => {
    expect(typeof (Uint8Array.prototype as unknown as { toBase64?: unknown }).toBase64).toBe('function');
    const payload = randomBytes(70_000);
    const { privateKey } = await generateKeyPair('EdDSA');
    const jws = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
    const [header, body] = jws.split('.');
    expect(body).toBe(btoaBase64(payload, true));
    expect(base64url.encode(payload)).toBe(body);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({ alg: 'EdDSA' });
  });
});
