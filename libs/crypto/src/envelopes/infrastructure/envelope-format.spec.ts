import { createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import { openEnvelope, sealEnvelope } from './envelope-format';

describe('envelope format (one record sealed under a data key)', () => {
  const dataKey = randomBytes(32);
  const aad = Buffer.from('infobank/vault-record/v1|row|1|individual');

  it('Given a record, then it is 0x01 | iv | tag | AES-256-GCM ciphertext of the same length, openable with the same AAD only', () => {
    const plaintext = Buffer.from('{"店":"さくらマート","合計":1234}');
    const sealed = sealEnvelope(dataKey, plaintext, aad);
    expect(sealed).toHaveLength(1 + 12 + 16 + plaintext.length);
    expect(sealed[0]).toBe(0x01);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.subarray(1, 13), { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(13, 29));
    expect(Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).equals(plaintext)).toBe(true);
    expect(openEnvelope(dataKey, sealed, aad).equals(plaintext)).toBe(true);
    expect(() => openEnvelope(dataKey, sealed, Buffer.from('another row'))).toThrow(CryptoError);
  });

  it('Given the same record sealed many times, then every IV differs (fresh from the CSPRNG pool, never reused)', () => {
    const ivs = new Set(Array.from({ length: 1_000 }, () => sealEnvelope(dataKey, Buffer.from('x'), aad).subarray(1, 13).toString('hex')));
    expect(ivs.size).toBe(1_000);
  });

  it('Given an empty record, then it seals to the header alone and opens again', () => {
    const sealed = sealEnvelope(dataKey, Buffer.alloc(0), aad);
    expect(sealed).toHaveLength(29);
    expect(openEnvelope(dataKey, sealed, aad)).toHaveLength(0);
  });
});
