import { provisionLeafBody } from './provision-leaf';

describe('provisionLeafBody', () => {
  const facts = {
    provisionId: '7d5c3c1e-2d0a-4d7e-9a43-0f1f5d3c2b1a',
    consentId: '0b6f8a2e-3a1d-4c9b-8f0e-5d2c1b3a4e5f',
    consentVersion: 3,
    recipientId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    offerId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    transferId: '3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b',
    part: 2,
    subject: 'pseudonymous-subject',
    items: ['purchase.receipts#/lineItems'],
    recordDigests: ['digest-1'],
    providedAt: new Date('2026-12-02T01:02:03.004Z'),
  };

  it('is canonical: the same facts give the same bytes, in a fixed key order, with the pseudonymous subject only', () => {
    const body = provisionLeafBody(facts);
    expect(body).toBe(provisionLeafBody({ ...facts, items: [...facts.items] }));
    expect(Object.keys(JSON.parse(body))).toEqual([
      'kind',
      'provisionId',
      'consentId',
      'consentVersion',
      'recipientId',
      'offerId',
      'transferId',
      'part',
      'subject',
      'items',
      'recordDigests',
      'providedAt',
    ]);
    expect(JSON.parse(body)).toMatchObject({ kind: 'provision', providedAt: '2026-12-02T01:02:03.004Z', subject: 'pseudonymous-subject' });
  });

  it('changes when any fact changes', () => {
    expect(provisionLeafBody({ ...facts, consentVersion: 4 })).not.toBe(provisionLeafBody(facts));
    expect(provisionLeafBody({ ...facts, recordDigests: ['digest-2'] })).not.toBe(provisionLeafBody(facts));
  });
});
