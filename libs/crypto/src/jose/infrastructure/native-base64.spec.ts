import { base64url, CompactSign, exportJWK, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { verifyJwsBytesWithKeys } from './jws-bytes';
import { fromBase64, installNativeBase64Decoding, toBase64 } from './native-base64';

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

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (text: string, options?: object) => Uint8Array };

describe('fromBase64 (Uint8Array.fromBase64 by the native decoder)', () => {
  it('decodes what Buffer encodes, in both alphabets, padded or not, into memory of its own', () => {
    for (let length = 0; length < 40; length += 1) {
      const bytes = randomBytes(length);
      for (const decoded of [
        fromBase64(bytes.toString('base64url'), { alphabet: 'base64url' }),
        fromBase64(bytes.toString('base64')),
        fromBase64(bytes.toString('base64').replace(/=+$/, '')),
      ]) {
        expect(Buffer.from(decoded).equals(bytes)).toBe(true);
        expect(decoded.byteOffset).toBe(0);
        expect(decoded.buffer.byteLength).toBe(length);
      }
    }
  });

  it.each([
    ['a character of the other alphabet', 'ab+c', 'base64url'],
    ['a character of the other alphabet', 'ab_c', 'base64'],
    ['whitespace', 'ab c', 'base64url'],
    ['a lone last character', 'abcde', 'base64url'],
    ['padding before the end', 'ab=c', 'base64url'],
    ['padding of an incomplete quantum', 'abc==', 'base64'],
  ] as const)('refuses %s (%s)', (_reason, text, alphabet) => {
    expect(() => fromBase64(text, { alphabet })).toThrow(SyntaxError);
  });

  it('refuses options it does not implement rather than ignoring them', () => {
    expect(() => fromBase64('abcd', { lastChunkHandling: 'strict' })).toThrow(TypeError);
  });
});

describe('installNativeBase64Decoding', () => {
  const constructor = Uint8Array as WithFromBase64;
  const native = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
  afterAll(() => {
    if (native === undefined) delete constructor.fromBase64;
    else Object.defineProperty(Uint8Array, 'fromBase64', native);
  });

  it('is what jose decodes with afterwards, and a deposit batch still verifies to the same payload', async () => {
    installNativeBase64Decoding();
    const installed = constructor.fromBase64 as (text: string, options?: object) => Uint8Array;
    let calls = 0;
    constructor.fromBase64 = (text, options) => {
      calls += 1;
      return installed(text, options);
    };
    expect(Buffer.from(base64url.decode('aGVsbG8')).toString()).toBe('hello');
    expect(calls).toBe(1);
    expect(() => base64url.decode('aGV+bG8')).toThrow();

    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k-1', alg: 'ES256' };
    const payload = Buffer.from(JSON.stringify({ batchId: 'b-1', records: [{ recordId: 'r-1', note: 'データ' }] }));
    const jws = await new CompactSign(payload).setProtectedHeader({ alg: 'ES256', kid: 'k-1', typ: 'deposit-batch+jws' }).sign(privateKey);
    const verified = await verifyJwsBytesWithKeys(Buffer.from(jws), [jwk], { typ: 'deposit-batch+jws' });
    expect(verified.payload.equals(payload)).toBe(true);
    expect(calls).toBeGreaterThan(1);
  });
});
