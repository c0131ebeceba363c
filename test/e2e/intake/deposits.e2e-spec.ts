import { CompactSign, base64url } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateOrganisationKey, type OrganisationClient } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { deposit, postDeposit, receiptRecord, signBatch, type DepositedRecord } from './deposits-client';
import { LinkWorld, newCustomerRef } from './link-world';

describe('intake: providers deposit signed batches of records (POST /v1/deposits)', () => {
  let world: LinkWorld;
  let dataSource: DataSource;
  let provider: OrganisationClient;
  let otherProvider: OrganisationClient;

  beforeAll(async () => {
    world = await LinkWorld.start();
    dataSource = await openTestDataSource();
    [provider, otherProvider] = [await world.organisation(), await world.organisation()];
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await world?.close();
  });

  /** A new individual linked to `at` under a fresh customer ref. */
  async function linkedCustomer(at: OrganisationClient, categories = ['purchase.receipts']) {
    const individual = await world.individual();
    const customerRef = newCustomerRef();
    await world.linked(individual, at, customerRef, categories);
    return { individual, customerRef };
  }

  const storedOf = async (providerId: string) => ({
    batches: (await dataSource.query(`SELECT count(*)::int AS n FROM deposit_batches WHERE provider_id = $1`, [providerId]))[0].n,
    records: (await dataSource.query(`SELECT count(*)::int AS n FROM vault_records WHERE provider_id = $1`, [providerId]))[0].n,
  });

  it('judges each record on its own: accepted, or rejected with a code and JSON pointers into the batch', async () => {
    const { customerRef } = await linkedCustomer(provider);
    const good = receiptRecord(customerRef);
    const records: Partial<DepositedRecord>[] = [
      good,
      receiptRecord(customerRef, {}, { totalYen: 'free', coupon: 'X' }),
      receiptRecord(customerRef, { observedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      receiptRecord(customerRef, {}, { store: { name: 'マイナンバー 1234-5678-9018 の方' } }),
      receiptRecord(newCustomerRef()),
      receiptRecord(customerRef, { category: 'finance.transactions' }),
      receiptRecord(customerRef, { category: 'pets.food' }),
      { customerRef, category: 'purchase.receipts', observedAt: good.observedAt, data: good.data },
      { ...receiptRecord(customerRef), recordId: good.recordId },
    ];

    const response = await deposit(provider, records, 'batch-mixed');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      batchId: 'batch-mixed',
      results: [
        { recordId: good.recordId, status: 'accepted' },
        {
          recordId: records[1].recordId,
          status: 'rejected',
          code: 'DATA_INVALID',
          errors: expect.arrayContaining([
            { path: '/records/1/data/totalYen', message: 'must be integer' },
            { path: '/records/1/data/coupon', message: 'is not an allowed field' },
          ]),
        },
        {
          recordId: records[2].recordId,
          status: 'rejected',
          code: 'OBSERVED_AT_INVALID',
          errors: [{ path: '/records/2/observedAt', message: 'must not be in the future' }],
        },
        {
          recordId: records[3].recordId,
          status: 'rejected',
          code: 'INDIVIDUAL_NUMBER_FOUND',
          errors: [{ path: '/records/3/data/store/name', message: expect.any(String) }],
        },
        {
          recordId: records[4].recordId,
          status: 'rejected',
          code: 'NOT_LINKED',
          errors: [{ path: '/records/4/customerRef', message: expect.any(String) }],
        },
        {
          recordId: records[5].recordId,
          status: 'rejected',
          code: 'CATEGORY_NOT_LINKED',
          errors: [{ path: '/records/5/category', message: expect.any(String) }],
        },
        {
          recordId: records[6].recordId,
          status: 'rejected',
          code: 'CATEGORY_UNKNOWN',
          errors: [{ path: '/records/6/category', message: expect.any(String) }],
        },
        {
          recordId: null,
          status: 'rejected',
          code: 'RECORD_MALFORMED',
          errors: [{ path: '/records/7/recordId', message: expect.any(String) }],
        },
        {
          recordId: good.recordId,
          status: 'rejected',
          code: 'RECORD_ID_REPEATED',
          errors: [{ path: '/records/8/recordId', message: expect.any(String) }],
        },
      ],
    });
    // The bad records blocked nothing, and none of them was stored.
    const rows = await dataSource.query(`SELECT record_id FROM vault_records WHERE provider_id = $1 AND record_id = ANY($2::text[])`, [
      provider.organisationId,
      records.map((record) => record.recordId ?? ''),
    ]);
    expect(rows).toEqual([{ record_id: good.recordId }]);
    // Nothing about the My Number record is echoed back but its pointer.
    expect(JSON.stringify(response.body)).not.toContain('1234-5678-9018');
  });

  it('the same record again is duplicate (member order does not matter); new content is superseded and the old version stays in history', async () => {
    const { individual, customerRef } = await linkedCustomer(provider);
    const record = receiptRecord(customerRef);
    expect((await deposit(provider, [record])).body.results).toEqual([{ recordId: record.recordId, status: 'accepted' }]);

    const reordered = { ...record, data: Object.fromEntries(Object.entries(record.data).reverse()) };
    const other = receiptRecord(customerRef);
    expect((await deposit(provider, [reordered, other])).body.results).toEqual([
      { recordId: record.recordId, status: 'duplicate' },
      { recordId: other.recordId, status: 'accepted' },
    ]);

    const corrected = { ...record, data: { ...record.data, totalYen: 400 } };
    expect((await deposit(provider, [corrected])).body.results).toEqual([{ recordId: record.recordId, status: 'superseded' }]);
    expect((await deposit(provider, [corrected])).body.results).toEqual([{ recordId: record.recordId, status: 'duplicate' }]);

    const [current] = await dataSource.query(
      `SELECT id, version, individual_id FROM vault_records WHERE provider_id = $1 AND record_id = $2`,
      [provider.organisationId, record.recordId],
    );
    expect(current).toEqual({ id: expect.any(String), version: 2, individual_id: individual.id });
    const history = await dataSource.query(`SELECT version, individual_id FROM vault_record_versions WHERE vault_record_id = $1`, [
      current.id,
    ]);
    expect(history).toEqual([{ version: 1, individual_id: individual.id }]);
  });

  it('stores content only encrypted; in clear are ids, category, observedAt, sizes, a keyed digest and the provenance', async () => {
    const { individual, customerRef } = await linkedCustomer(provider);
    const record = receiptRecord(customerRef, {}, { store: { name: 'さくらマート 秘密の店' }, receiptId: 'RECEIPT-PLAINTEXT-CHECK' });
    const jws = await signBatch(provider, { batchId: `batch-${randomUUID()}`, records: [record] });
    expect((await postDeposit(provider, jws)).status).toBe(200);

    const [row] = await dataSource.query(`SELECT * FROM vault_records WHERE provider_id = $1 AND record_id = $2`, [
      provider.organisationId,
      record.recordId,
    ]);
    expect(Object.keys(row).sort()).toEqual(
      [
        'id',
        'provider_id',
        'record_id',
        'individual_id',
        'category',
        'observed_at',
        'version',
        'content_digest',
        'ciphertext',
        'plaintext_bytes',
        'deposit_batch_id',
        'jws_digest',
        'signing_kid',
        'received_at',
        'first_received_at',
      ].sort(),
    );
    const plaintext = Buffer.from(JSON.stringify(record.data), 'utf8');
    expect(row).toMatchObject({
      individual_id: individual.id,
      category: 'purchase.receipts',
      observed_at: new Date(record.observedAt),
      plaintext_bytes: plaintext.length,
      signing_kid: provider.signingKey.kid,
      jws_digest: createHash('sha256').update(jws).digest(),
    });
    // AES-256-GCM: version byte, 12-byte IV, 16-byte tag, then exactly as many bytes as the plaintext.
    expect(row.ciphertext.length).toBe(1 + 12 + 16 + plaintext.length);
    for (const secret of ['秘密の店', 'RECEIPT-PLAINTEXT-CHECK', 'おにぎり', '"totalYen"']) {
      expect(row.ciphertext.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    // The digest is keyed: not a plain SHA-256 of the content.
    expect(row.content_digest.equals(createHash('sha256').update(plaintext).digest())).toBe(false);
    // The customer ref and the content appear nowhere in clear in what the deposit wrote.
    const written = JSON.stringify([row, await dataSource.query(`SELECT * FROM deposit_batches WHERE id = $1`, [row.deposit_batch_id])]);
    for (const secret of [customerRef, '秘密の店', 'RECEIPT-PLAINTEXT-CHECK']) expect(written).not.toContain(secret);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM data_keys WHERE subject_id = $1`, [individual.id])).toEqual([{ n: 1 }]);
  });

  it('refuses the whole batch with problem+json and stores nothing: bad signature, unknown kid, unpinned algorithm, wrong typ, malformed body', async () => {
    const fresh = await world.organisation();
    const { customerRef } = await linkedCustomer(fresh);
    const payload = { batchId: 'batch-refused', records: [receiptRecord(customerRef)] };
    const stranger = await generateOrganisationKey('ES256');
    const json = (value: unknown) => base64url.encode(JSON.stringify(value));
    const hmac = await new CompactSign(Buffer.from(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'HS256', kid: fresh.signingKey.kid, typ: 'deposit-batch+jws' })
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'));
    const signed = await signBatch(fresh, payload);
    const [header, body] = signed.split('.');
    const cases: [string, string, number, string][] = [
      [
        'signed by another key under the registered kid',
        await signBatch(fresh, payload, { key: stranger, kid: fresh.signingKey.kid }),
        400,
        'DEPOSIT_SIGNATURE_INVALID',
      ],
      [
        'a tampered payload',
        `${header}.${json({ ...payload, batchId: 'batch-tampered' })}.${signed.split('.')[2]}`,
        400,
        'DEPOSIT_SIGNATURE_INVALID',
      ],
      ['an unregistered kid', await signBatch(fresh, payload, { key: stranger }), 400, 'DEPOSIT_KEY_UNKNOWN'],
      ['HS256', hmac, 400, 'DEPOSIT_JWS_INVALID'],
      ['alg none', `${json({ alg: 'none', kid: fresh.signingKey.kid, typ: 'deposit-batch+jws' })}.${body}.`, 400, 'DEPOSIT_JWS_INVALID'],
      ['no typ', await signBatch(fresh, payload, { typ: null }), 400, 'DEPOSIT_JWS_INVALID'],
      ['a JWT typ', await signBatch(fresh, payload, { typ: 'JWT' }), 400, 'DEPOSIT_JWS_INVALID'],
      ['not a JWS', 'hello', 400, 'DEPOSIT_JWS_INVALID'],
      ['an empty body', '', 400, 'DEPOSIT_JWS_INVALID'],
      ['a JSON array payload', await signBatch(fresh, [payload]), 400, 'DEPOSIT_PAYLOAD_INVALID'],
      ['no batchId and an extra field', await signBatch(fresh, { records: payload.records, extra: 1 }), 400, 'DEPOSIT_PAYLOAD_INVALID'],
      ['no records', await signBatch(fresh, { batchId: 'batch-empty', records: [] }), 400, 'DEPOSIT_PAYLOAD_INVALID'],
    ];
    for (const [what, jws, status, code] of cases) {
      const response = await postDeposit(fresh, jws);
      try {
        expectRefused(response, status, code);
      } catch (error) {
        throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
      }
    }
    const tooMany = await deposit(
      fresh,
      Array.from({ length: 5_001 }, () => receiptRecord(customerRef)),
    );
    expectRefused(tooMany, 413, 'DEPOSIT_TOO_LARGE');
    expect(tooMany.body.errors).toEqual([{ path: '/records', message: expect.any(String) }]);
    expect(await storedOf(fresh.organisationId)).toEqual({ batches: 0, records: 0 });
    // The same batch, properly signed, is accepted: the refusals were about the batch, not the records.
    expect((await postDeposit(fresh, signed)).body.results).toEqual([{ recordId: payload.records[0].recordId, status: 'accepted' }]);
  });

  it('takes the batch as application/jose only, up to 10 MB (above the 1 MB limit of JSON routes); larger is 413 before it is read', async () => {
    const { customerRef } = await linkedCustomer(provider);
    const signed = await signBatch(provider, { batchId: `batch-${randomUUID()}`, records: [receiptRecord(customerRef)] });
    expectRefused(await postDeposit(provider, JSON.stringify({ jws: signed }), 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(await postDeposit(provider, signed, 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');

    // About 2.5 MB of valid records: read in full and answered record by record.
    const big = Array.from({ length: 4_000 }, () =>
      receiptRecord(customerRef, {}, { lineItems: [{ name: 'お弁当 '.repeat(40), quantity: 1, amountYen: 500 }] }),
    );
    const bigBody = await signBatch(provider, { batchId: `batch-${randomUUID()}`, records: big });
    expect(bigBody.length).toBeGreaterThan(2 * 1024 * 1024);
    const accepted = await postDeposit(provider, bigBody);
    expect(accepted.status).toBe(200);
    expect(accepted.body.results.filter((result: { status: string }) => result.status === 'accepted')).toHaveLength(4_000);

    expectRefused(await postDeposit(provider, `${signed}${'A'.repeat(10 * 1024 * 1024)}`), 413, 'BODY_TOO_LARGE');
  });

  it('provider A cannot deposit for provider B’s linked customers, nor after the link was removed', async () => {
    const { customerRef } = await linkedCustomer(otherProvider);
    const record = receiptRecord(customerRef);
    const stolen = await deposit(provider, [record]);
    expect(stolen.body.results).toEqual([
      {
        recordId: record.recordId,
        status: 'rejected',
        code: 'NOT_LINKED',
        errors: [{ path: '/records/0/customerRef', message: expect.any(String) }],
      },
    ]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM vault_records WHERE record_id = $1`, [record.recordId])).toEqual([
      { n: 0 },
    ]);
    expect((await deposit(otherProvider, [record])).body.results).toEqual([{ recordId: record.recordId, status: 'accepted' }]);

    expect((await world.atIntake(otherProvider, 'DELETE', `/v1/links/${encodeURIComponent(customerRef)}`)).status).toBe(204);
    const late = receiptRecord(customerRef);
    expect((await deposit(otherProvider, [late])).body.results).toEqual([
      {
        recordId: late.recordId,
        status: 'rejected',
        code: 'NOT_LINKED',
        errors: [{ path: '/records/0/customerRef', message: expect.any(String) }],
      },
    ]);
  });

  it('the same batchId twice returns the first answer; other content under that batchId is 409 and changes nothing', async () => {
    const { customerRef } = await linkedCustomer(provider);
    const batchId = `batch-${randomUUID()}`;
    const records = [receiptRecord(customerRef), receiptRecord(newCustomerRef())];
    const first = await deposit(provider, records, batchId);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // Re-signed (ES256 signatures differ each time) but the same payload: the stored answer, not "duplicate".
    const again = await deposit(provider, records, batchId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const changed = await deposit(provider, [receiptRecord(customerRef)], batchId);
    expectRefused(changed, 409, 'BATCH_ID_REUSED');
    expect(
      await dataSource.query(`SELECT count(*)::int AS n FROM deposit_batches WHERE provider_id = $1 AND batch_id = $2`, [
        provider.organisationId,
        batchId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('identical batches posted concurrently store each record once', async () => {
    const customers = [await linkedCustomer(provider), await linkedCustomer(provider)];
    const records = Array.from({ length: 60 }, (_, index) => receiptRecord(customers[index % 2].customerRef));
    const sameBatch = await signBatch(provider, { batchId: `batch-${randomUUID()}`, records });
    const answers = await Promise.all([
      postDeposit(provider, sameBatch),
      postDeposit(provider, sameBatch),
      deposit(provider, records),
      deposit(provider, records),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers[1].body).toEqual(answers[0].body);
    // Across the three distinct batches each record was accepted exactly once and a duplicate otherwise.
    records.forEach((record, index) => {
      const results = [answers[0], answers[2], answers[3]].map((answer) => answer.body.results[index]);
      expect(results.map((result) => result.recordId)).toEqual([record.recordId, record.recordId, record.recordId]);
      expect(results.map((result) => result.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate']);
    });
    const stored = await dataSource.query(
      `SELECT record_id, count(*)::int AS n, max(version) AS version FROM vault_records WHERE provider_id = $1 AND record_id = ANY($2::text[]) GROUP BY record_id`,
      [provider.organisationId, records.map((record) => record.recordId)],
    );
    expect(stored).toHaveLength(records.length);
    expect(stored.every((row: { n: number; version: number }) => row.n === 1 && row.version === 1)).toBe(true);
    const history = await dataSource.query(
      `SELECT count(*)::int AS n FROM vault_record_versions v JOIN vault_records r ON r.id = v.vault_record_id WHERE r.record_id = ANY($1::text[])`,
      [records.map((record) => record.recordId)],
    );
    expect(history).toEqual([{ n: 0 }]);
  });

  it('needs an authenticated provider, and never logs customer refs or record content', async () => {
    const { customerRef } = await linkedCustomer(provider);
    const signed = await signBatch(provider, {
      batchId: `batch-${randomUUID()}`,
      records: [receiptRecord(customerRef, {}, { receiptId: 'LOGCHECK-RECEIPT' })],
    });
    const anonymous = await fetch(`${world.intake.url}/v1/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose' },
      body: signed,
    });
    expect(anonymous.status).toBe(401);
    await postDeposit(provider, signed);
    await postDeposit(provider, 'not-a-jws');
    const logged = world.intake.log.lines.join('\n');
    expect(logged).toContain('/v1/deposits');
    for (const secret of [customerRef, 'LOGCHECK-RECEIPT', signed.slice(0, 40)]) expect(logged).not.toContain(secret);
  });
});
