import { randomBytes } from 'node:crypto';
import { base64url, CompactSign, generateKeyPair, exportJWK } from 'jose';
import { verifyJwsBytesWithKeys } from './jws-bytes';
import { fromBase64, installNativeBase64Decoding } from './native-base64-decoding';

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
