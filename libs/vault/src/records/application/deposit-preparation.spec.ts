import { generateKeyPairJwk, signJsonAsOrganisation, type JWK } from '@infobank/crypto';
import { canonicalJson } from '../domain/canonical-json';
import { CatalogCategoryRules } from './catalog-category-rules';
import { DEPOSIT_BATCH_JWS_TYPE, prepareDeposit, type PreparedDeposit } from './deposit-preparation';

const NOW = Date.parse('2026-04-01T00:00:00Z');

function receipt(recordId: string, data: Record<string, unknown> = {}) {
  return {
    recordId,
    customerRef: `customer-${recordId}`,
    category: 'purchase.receipts',
    observedAt: '2026-03-01T09:30:00+09:00',
    data: {
      receiptId: `R-${recordId}`,
      purchasedAt: '2026-03-01T09:30:00+09:00',
      channel: 'store',
      store: { name: 'さくらマート 渋谷駅前店', chain: 'さくらマート', prefecture: '13' },
      lineItems: [{ name: 'おにぎり 鮭', quantity: 1, unitPriceYen: 150, amountYen: 150 }],
      totalYen: 150,
      ...data,
    },
  };
}

describe('prepareDeposit (everything a deposit checks before the database, as a worker thread runs it)', () => {
  const rules = new CatalogCategoryRules();
  let keys: JWK[];
  let kid: string;
  let sign: (payload: unknown, typ?: string) => Promise<string>;

  beforeAll(async () => {
    const key = await generateKeyPairJwk('ES256');
    keys = [key.publicJwk];
    kid = key.kid;
    sign = (payload, typ = DEPOSIT_BATCH_JWS_TYPE) => signJsonAsOrganisation(payload, key.privateJwk, { typ });
  });

  const prepared = (outcome: Awaited<ReturnType<typeof prepareDeposit>>): PreparedDeposit => {
    if (!('prepared' in outcome)) throw new Error(`refused: ${outcome.refusal.code}`);
    return outcome.prepared;
  };

  it('Given a signed batch, then each good record comes with its canonical data and each bad one with its rejection, in batch order', async () => {
    const good = receipt('r-1');
    const reordered = { ...receipt('r-2'), data: Object.fromEntries(Object.entries(receipt('r-2').data).reverse()) };
    const jws = await sign({
      batchId: 'batch-1',
      records: [good, { recordId: 'r-3' }, reordered, receipt('r-1'), receipt('r-4', { totalYen: 'free' })],
    });
    const batch = prepared(await prepareDeposit({ jws: Buffer.from(jws), signingKeys: keys, nowMs: NOW }, rules));

    expect(batch).toMatchObject({ batchId: 'batch-1', recordCount: 5, kid });
    expect(batch.results.map((result) => [result.recordId, result.status, result.code])).toEqual([
      ['r-1', 'accepted', undefined],
      ['r-3', 'rejected', 'RECORD_MALFORMED'],
      ['r-2', 'accepted', undefined],
      ['r-1', 'rejected', 'RECORD_ID_REPEATED'],
      ['r-4', 'accepted', undefined],
    ]);
    const [first, second, fourth] = batch.records;
    expect([first.index, second.index, fourth.index]).toEqual([0, 2, 4]);
    expect(fourth.content?.code).toBe('DATA_INVALID');
    expect(fourth.plaintextStart).toBe(-1);
    // The observation time as the content check parsed it, for the database write; none for a rejected record.
    expect(first.observedAtMs).toBe(Date.parse('2026-03-01T09:30:00+09:00'));
    expect(fourth.observedAtMs).toBeNaN();
    const text = (record: typeof first) =>
      batch.plaintexts.subarray(record.plaintextStart, record.plaintextStart + record.plaintextLength).toString();
    expect(text(first)).toBe(canonicalJson(good.data));
    expect(text(second)).toBe(canonicalJson(receipt('r-2').data));
  });

  it('Given the same batch as text or as bytes, then the digests are the same (SHA-256 of the JWS and of its payload)', async () => {
    const jws = await sign({ batchId: 'batch-2', records: [receipt('r-1')] });
    const asText = prepared(await prepareDeposit({ jws, signingKeys: keys, nowMs: NOW }, rules));
    const asBytes = prepared(await prepareDeposit({ jws: Buffer.from(jws), signingKeys: keys, nowMs: NOW }, rules));
    expect(asText.jwsDigest.equals(asBytes.jwsDigest)).toBe(true);
    expect(asText.payloadDigest.equals(asBytes.payloadDigest)).toBe(true);
  });

  it('Given a batch the bank refuses as a whole, then it says why and prepares nothing', async () => {
    const refusal = async (jws: string) => {
      const outcome = await prepareDeposit({ jws, signingKeys: keys, nowMs: NOW }, rules);
      return 'refusal' in outcome ? outcome.refusal.code : 'prepared';
    };
    const jws = await sign({ batchId: 'batch-3', records: [receipt('r-1')] });
    expect(await prepareDeposit({ jws, signingKeys: [], nowMs: NOW }, rules)).toEqual({ refusal: { code: 'DEPOSIT_KEY_UNKNOWN' } });
    const [header, , signature] = jws.split('.');
    expect(await refusal(`${header}.${Buffer.from('{"batchId":"x","records":[]}').toString('base64url')}.${signature}`)).toBe(
      'DEPOSIT_SIGNATURE_INVALID',
    );
    expect(await refusal(await sign({ batchId: 'batch-3', records: [] }, 'JWT'))).toBe('DEPOSIT_JWS_INVALID');
    expect(await refusal(await sign([1]))).toBe('DEPOSIT_PAYLOAD_INVALID');
    expect(await refusal(await sign({ batchId: 'batch-3', records: [] }))).toBe('DEPOSIT_PAYLOAD_INVALID');
    expect(await refusal(await sign({ batchId: 'batch-3', records: Array.from({ length: 5_001 }, () => ({})) }))).toBe('DEPOSIT_TOO_LARGE');
  });
});
