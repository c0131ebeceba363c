import { createHmac } from 'node:crypto';
import { CompactSign, importJWK, type JWK } from 'jose';
import { CryptoError, type CryptoErrorCode } from '../../crypto.errors';
import { generateKeyPairJwk, type GeneratedKeyPairJwk } from './jwk';
import { verifyJwsWithKeys } from './jws';
import { parseJsonPayloadBytes, verifyJwsBytesWithKeys } from './jws-bytes';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const TYP = 'deposit-batch+jws';

async function signWith(
  key: GeneratedKeyPairJwk,
  header: Record<string, unknown> = {},
  payload: unknown = { batchId: 'b-1' },
): Promise<string> {
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader({ alg: key.privateJwk.alg as string, kid: key.kid, typ: TYP, ...header })
    .sign(await importJWK(key.privateJwk));
}

async function refusal(run: () => unknown): Promise<CryptoErrorCode> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return (error as CryptoError).code;
  }
  throw new Error('expected a refusal');
}

describe('verifyJwsBytesWithKeys (a large deposit batch verified over the bytes it arrived in)', () => {
  let ed25519: GeneratedKeyPairJwk;
  let es256: GeneratedKeyPairJwk;
  let ps256: GeneratedKeyPairJwk;
  let stranger: GeneratedKeyPairJwk;
  let registered: JWK[];

  beforeAll(async () => {
    [ed25519, es256, ps256, stranger] = await Promise.all([
      generateKeyPairJwk('EdDSA'),
      generateKeyPairJwk('ES256'),
      generateKeyPairJwk('PS256'),
      generateKeyPairJwk('ES256'),
    ]);
    registered = [ed25519.publicJwk, es256.publicJwk, ps256.publicJwk];
  });

  it('Given batches signed by registered EdDSA, ES256 and PS256 keys, as text or bytes, then it returns the payload bytes and kid that verifyJwsWithKeys also gives', async () => {
    const payload = { batchId: 'b-1', records: [{ name: 'さくらマート', note: '~?>' }] };
    for (const key of [ed25519, es256, ps256]) {
      const jws = await signWith(key, {}, payload);
      for (const input of [jws, Buffer.from(`xx${jws}`, 'latin1').subarray(2)]) {
        const verified = await verifyJwsBytesWithKeys(input, registered, { typ: TYP });
        expect(verified.kid).toBe(key.kid);
        expect(parseJsonPayloadBytes(verified.payload)).toEqual(payload);
        expect(verified.payload.equals(Buffer.from((await verifyJwsWithKeys(jws, registered, { typ: TYP })).payload))).toBe(true);
      }
    }
  });

  it('Given a tampered payload, another key signing under a registered kid, or a signature of the wrong shape, then the signature is invalid', async () => {
    const jws = await signWith(es256);
    const [header, , signature] = jws.split('.');
    expect(await refusal(() => verifyJwsBytesWithKeys(`${header}.${base64url('{"batchId":"b-2"}')}.${signature}`, registered))).toBe(
      'JOSE_INVALID_SIGNATURE',
    );
    const impostor = await signWith(stranger, { kid: es256.kid });
    expect(await refusal(() => verifyJwsBytesWithKeys(impostor, registered))).toBe('JOSE_INVALID_SIGNATURE');
    const [signedHeader, signedPayload] = jws.split('.');
    const truncated = `${signedHeader}.${signedPayload}.${base64url(Buffer.from(signature, 'base64url').subarray(0, 63))}`;
    expect(await refusal(() => verifyJwsBytesWithKeys(truncated, registered))).toBe('JOSE_INVALID_SIGNATURE');
    const ed = (await signWith(ed25519)).split('.');
    expect(await refusal(() => verifyJwsBytesWithKeys(`${ed[0]}.${ed[1]}.${base64url('x')}`, registered))).toBe('JOSE_INVALID_SIGNATURE');
  });

  it('Given a header the bank never accepts, then it refuses before any signature is checked', async () => {
    const payload = base64url('{}');
    const header = (fields: object) => `${base64url(JSON.stringify({ kid: es256.kid, typ: TYP, ...fields }))}.${payload}.`;
    const hs256 = `${base64url(JSON.stringify({ alg: 'HS256', kid: es256.kid }))}.${payload}`;
    const hmac = createHmac('sha256', 'a-shared-secret').update(hs256).digest('base64url');
    expect(await refusal(() => verifyJwsBytesWithKeys(`${hs256}.${hmac}`, registered))).toBe('JOSE_ALGORITHM_NOT_ALLOWED');
    expect(await refusal(() => verifyJwsBytesWithKeys(header({ alg: 'none' }), registered))).toBe('JOSE_ALGORITHM_NOT_ALLOWED');
    expect(await refusal(() => verifyJwsBytesWithKeys(header({ alg: 'PS256' }), registered))).toBe('JOSE_ALGORITHM_NOT_ALLOWED');
    expect(await refusal(() => verifyJwsBytesWithKeys(header({ alg: 'ES256', kid: 'unknown' }), registered))).toBe('JOSE_KEY_NOT_FOUND');
    expect(await refusal(() => verifyJwsBytesWithKeys(header({ alg: 'ES256', jwk: es256.publicJwk }), registered))).toBe(
      'JOSE_HEADER_NOT_ALLOWED',
    );
    expect(await refusal(() => verifyJwsBytesWithKeys(header({ alg: 'ES256', crit: ['b64'], b64: false }), registered))).toBe(
      'JOSE_HEADER_NOT_ALLOWED',
    );
    const jwtTyped = await signWith(es256, { typ: 'JWT' });
    expect(await refusal(() => verifyJwsBytesWithKeys(jwtTyped, registered, { typ: TYP }))).toBe('JOSE_TYPE_MISMATCH');
  });

  it('Given anything but three base64url parts, then it is malformed (no padding, whitespace, other alphabet or non-ASCII)', async () => {
    const jws = await signWith(es256, {}, { batchId: 'b-1', note: '>>>???' });
    const [header, payload, signature] = jws.split('.');
    expect(payload).toMatch(/[-_]/);
    const cases = [
      '',
      'hello',
      `${header}.${payload}`,
      `${jws}.`,
      `${header}.${payload.replace(/-/g, '+').replace(/_/g, '/')}.${signature}`,
      `${header}.${payload}=.${signature}`,
      `${header}.${payload} .${signature}`,
      `${header}.${payload}\u0141.${signature}`,
      // A length no base64url text has (4n + 1).
      `${header}.${payload}${'A'.repeat((5 - (payload.length % 4)) % 4)}.${signature}`,
      `${base64url('not json')}.${payload}.${signature}`,
      `${base64url('[1]')}.${payload}.${signature}`,
    ];
    for (const malformed of cases) {
      expect(await refusal(() => verifyJwsBytesWithKeys(malformed, registered))).toBe('JOSE_MALFORMED');
      expect(await refusal(() => verifyJwsBytesWithKeys(Buffer.from(malformed, 'utf8'), registered))).toBe('JOSE_MALFORMED');
    }
  });
});

describe('parseJsonPayloadBytes', () => {
  it('Given strict UTF-8 JSON objects, then it parses them (skipping a leading BOM); anything else is malformed', async () => {
    expect(parseJsonPayloadBytes(Buffer.from('{"店":"さくら"}'))).toEqual({ 店: 'さくら' });
    expect(parseJsonPayloadBytes(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from('{"a":1}')]))).toEqual({ a: 1 });
    // Characters outside the BMP, a BOM inside a value and escapes come out as JSON.parse of the text makes them.
    const text = '{"絵文字":"😀\ufeff𠮷","e":"\\u00e9\\ud83d\\ude00"}';
    expect(parseJsonPayloadBytes(Buffer.from(text, 'utf8'))).toEqual(JSON.parse(text));
    for (const bad of [
      Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), Buffer.from('{"a":1}')]),
      Buffer.from('[1]'),
      Buffer.from('null'),
      Buffer.from('{"a":'),
      Buffer.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d),
    ]) {
      expect(await refusal(() => parseJsonPayloadBytes(bad))).toBe('JOSE_MALFORMED');
    }
  });
});
