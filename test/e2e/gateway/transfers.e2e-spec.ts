import { createHash } from 'node:crypto';
import { KEY_MATERIAL, KeyedDigest, PseudonymousIds, type KeyMaterial } from '@infobank/crypto';
import { PROVISION_RECORD_DIGEST_PURPOSE } from '@infobank/provision';
import { receiptRecord } from '../intake/deposits-client';
import type { Individual } from '../intake/link-world';
import { daysAgo, TransferWorld, type Recipient } from './transfer-world';

describe('gateway: transfers, the whole path as real clients', () => {
  let world: TransferWorld;
  let recipient: Recipient;
  let offerId: string;
  let alice: Individual;
  let bob: Individual;
  let carol: Individual;

  beforeAll(async () => {
    world = await TransferWorld.start({ worker: true });
    const provider = await world.provider();
    recipient = await world.recipient({ ja: '株式会社テスト受領', en: 'Test Recipient K.K.' });
    offerId = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });
    const records = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(10) }),
      // Outside the offer's 30-day range: never packaged.
      receiptRecord(customerRef, { observedAt: daysAgo(60) }),
    ];
    [alice, bob, carol] = await Promise.all([
      world.individualWithRecords(provider, records),
      world.individualWithRecords(provider, records),
      world.individualWithRecords(provider, records),
    ]);
    await world.consent(alice, offerId, { optionalItems: ['purchase.receipts#/store'] });
    // Bob leaves the optional item (the store) out.
    await world.consent(bob, offerId, { optionalItems: [] });
    // Carol does not consent at all.
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('deposits → consents → request → worker builds → download → decrypt: exactly the consented items of in-range records, pseudonymous ids only, bank signature valid', async () => {
    const transferId = await world.requested(recipient, { offerId });
    const ready = await world.until(recipient, transferId, 'ready');
    expect(ready.counts).toMatchObject({ ready: 2, denied: 0 });
    expect(ready.partList).toHaveLength(1);

    const part = await world.download(recipient, transferId, 1);
    expect(part.status).toBe(200);
    expect(part.contentType).toMatch(/^application\/jose/);
    const { payload, kid } = await world.open(recipient, part.body);
    expect(kid).toBeDefined();
    expect(payload).toMatchObject({ transferId, part: 1, offerId, recipient: recipient.client.organisationId });

    const pseudonyms = world.use(PseudonymousIds);
    const subjectOf = (individual: Individual) => pseudonyms.forRecipient(recipient.client.organisationId, individual.id);
    const bySubject = new Map(payload.subjects.map((subject) => [subject.subject, subject]));
    expect([...bySubject.keys()].sort()).toEqual([subjectOf(alice), subjectOf(bob)].sort());
    expect(bySubject.has(subjectOf(carol))).toBe(false);
    const text = JSON.stringify(payload);
    for (const individual of [alice, bob, carol]) expect(text).not.toContain(individual.id);

    const aliceRecords = bySubject.get(subjectOf(alice))!.records;
    const bobRecords = bySubject.get(subjectOf(bob))!.records;
    expect(aliceRecords).toHaveLength(2);
    expect(bobRecords).toHaveLength(2);
    for (const record of aliceRecords) expect(Object.keys(record.items).sort()).toEqual(['/lineItems', '/store']);
    for (const record of bobRecords) expect(Object.keys(record.items)).toEqual(['/lineItems']);
    for (const record of [...aliceRecords, ...bobRecords]) {
      expect(record.category).toBe('purchase.receipts');
      expect(Date.now() - new Date(record.observedAt).getTime()).toBeLessThan(30 * 24 * 3600 * 1000);
      expect(record.items).not.toHaveProperty('/totalYen');
    }

    const delivered = await world.until(recipient, transferId, 'delivered');
    expect(delivered.counts).toMatchObject({ delivered: 2 });

    // Downloading again returns the same bytes and records nothing new.
    const again = await world.download(recipient, transferId, 1);
    expect(again.body).toBe(part.body);
    const provisions = await world.environment.dataSource.query(
      `SELECT "individual_id", "items", "record_digests" FROM "provision_records" WHERE "transfer_id" = $1`,
      [transferId],
    );
    expect(provisions).toHaveLength(2);
    const aliceProvision = provisions.find((row: { individual_id: string }) => row.individual_id === alice.id);
    // Keyed (HMAC under a key derived from the bank's secret), never a plain hash of the record.
    const keyed = KeyedDigest.derive(
      world.gateway.app.get<KeyMaterial>(KEY_MATERIAL, { strict: false }).pseudonymSecret,
      PROVISION_RECORD_DIGEST_PURPOSE,
    );
    expect(aliceProvision.record_digests).toEqual(
      aliceRecords.map((record) =>
        keyed.digest(recipient.client.organisationId, subjectOf(alice), JSON.stringify(record)).toString('base64url'),
      ),
    );
    expect(aliceProvision.record_digests).not.toContain(createHash('sha256').update(JSON.stringify(aliceRecords[0])).digest('base64url'));
  });
});
