import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { verifyReviewDecision } from './signed-decision';

const CASE_ID = '3f1c1d64-5b0e-4d8e-9f5a-0c1e2d3f4a5b';

describe('the in-browser check of a board decision', () => {
  let privateKey: CryptoKey;
  let jwks: { keys: JWK[] };

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    privateKey = pair.privateKey;
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'bank-1', alg: 'EdDSA', use: 'sig' }] };
  });

  const sign = (record: object, typ = 'review-decision+jws') =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(record)))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'bank-1', typ })
      .sign(privateKey);
  const record = {
    kind: 'infobank.review-decision',
    caseId: CASE_ID,
    outcome: 'approved',
    decidedAt: '2026-11-02T09:00:00.000Z',
    votes: [{}, {}, {}],
  };

  it('accepts the bank’s signature over a decision on this case and reads its outcome', async () => {
    await expect(verifyReviewDecision(await sign(record), jwks, { caseId: CASE_ID })).resolves.toEqual({
      valid: true,
      outcome: 'approved',
      decidedAt: '2026-11-02T09:00:00.000Z',
      votes: 3,
    });
  });

  it('refuses a changed payload, another type, a missing value and a decision about another case', async () => {
    const [header, payload, signature] = (await sign(record)).split('.');
    const changed = Buffer.from(JSON.stringify({ ...record, outcome: 'rejected' })).toString('base64url');
    expect(payload).not.toBe(changed);
    await expect(verifyReviewDecision(`${header}.${changed}.${signature}`, jwks, { caseId: CASE_ID })).resolves.toEqual({
      valid: false,
      reason: 'signature',
    });
    await expect(verifyReviewDecision(await sign(record, 'checkpoint+jwt'), jwks, { caseId: CASE_ID })).resolves.toMatchObject({
      valid: false,
      reason: 'signature',
    });
    await expect(verifyReviewDecision(null, jwks, { caseId: CASE_ID })).resolves.toMatchObject({ valid: false, reason: 'signature' });
    await expect(verifyReviewDecision(await sign(record), jwks, { caseId: 'another' })).resolves.toEqual({ valid: false, reason: 'case' });
  });
});
