import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import type { ConsentStatus } from '../domain/consent';
import { ConsentStore } from '../infrastructure/consent.store';
import { ListConsentsForOfferUseCase } from './list-consents-for-offer.use-case';

const DAY_MS = 24 * 3600 * 1000;

describe('ListConsentsForOfferUseCase (one consent per individual who ever consented to an offer)', () => {
  let dataSource: DataSource;
  let useCase: ListConsentsForOfferUseCase;
  const transfers = createRequestContext({ type: 'system', name: 'transfers' });
  const offerId = randomUUID();
  const recipientId = randomUUID();
  const now = Date.now();

  /** A consent row as the ledger leaves it after `status` (granted `daysAgo` days ago, ended a day later if ended). */
  async function consent(individualId: string, status: ConsentStatus, daysAgo: number, offer = offerId): Promise<string> {
    const id = randomUUID();
    const grantedAt = new Date(now - daysAgo * DAY_MS);
    const endedAt = status === 'revoked' || status === 'expired' ? new Date(grantedAt.getTime() + DAY_MS) : null;
    await dataSource.query(
      `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot",
         "version", "granted_at", "updated_at", "ended_at", "revocation_reason", "expiry_cause")
       VALUES ($1, $2, $3, $4, $5, 'auto', 'individual', ARRAY['a.b#/c'], '{}'::jsonb, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        individualId,
        offer,
        recipientId,
        status,
        status === 'active' ? 1 : 2,
        grantedAt,
        endedAt ?? grantedAt,
        endedAt,
        status === 'revoked' ? 'changed my mind' : null,
        status === 'expired' ? 'expires_at' : null,
      ],
    );
    return id;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    useCase = new ListConsentsForOfferUseCase(new ConsentStore(dataSource));
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('returns the live consent over older and newer ended ones, the latest ended one otherwise, and nothing of other offers', async () => {
    const renewed = randomUUID();
    await consent(renewed, 'revoked', 30);
    const renewedLive = await consent(renewed, 'paused', 10);
    const revokedOnly = randomUUID();
    await consent(revokedOnly, 'expired', 40);
    const revokedLatest = await consent(revokedOnly, 'revoked', 20);
    const active = randomUUID();
    const activeLive = await consent(active, 'active', 50);
    // Newer than the live one (not a state the ledger makes, but the rule is "live first", not "newest first").
    await consent(active, 'revoked', 5);
    const elsewhere = randomUUID();
    await consent(elsewhere, 'active', 5, randomUUID());
    await consent(active, 'active', 5, randomUUID());

    const listed = await useCase.execute(transfers, { offerId });

    const byIndividual = new Map(listed.map((state) => [state.individualId, state]));
    expect(listed).toHaveLength(3);
    expect(byIndividual.get(renewed)).toMatchObject({ consentId: renewedLive, status: 'paused', offerId });
    expect(byIndividual.get(revokedOnly)).toMatchObject({ consentId: revokedLatest, status: 'revoked', reason: 'changed my mind' });
    expect(byIndividual.get(active)).toMatchObject({ consentId: activeLive, status: 'active', recipientId, items: ['a.b#/c'] });
    expect(byIndividual.has(elsewhere)).toBe(false);
  });

  it('reads an individual whose only consent expired as expired, with when and why', async () => {
    const offer = randomUUID();
    const individualId = randomUUID();
    const consentId = await consent(individualId, 'expired', 3, offer);
    const [state] = await useCase.execute(transfers, { offerId: offer });
    expect(state).toMatchObject({ consentId, individualId, status: 'expired', cause: 'expires_at' });
    expect(state.status === 'expired' && state.expiredAt.getTime()).toBe(now - 2 * DAY_MS);
  });

  it('reads inside the caller’s transaction when given one', async () => {
    const offer = randomUUID();
    const seen = await dataSource.transaction(async (manager) => {
      const individualId = randomUUID();
      const id = randomUUID();
      await manager.query(
        `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot", "version", "granted_at", "updated_at")
         VALUES ($1, $2, $3, $4, 'active', 'ask', 'individual', ARRAY['a.b#/c'], '{}'::jsonb, 1, now(), now())`,
        [id, individualId, offer, recipientId],
      );
      return useCase.execute({ ...transfers, transaction: manager }, { offerId: offer });
    });
    expect(seen.map((state) => state.mode)).toEqual(['ask']);
  });

  it('is for the bank’s own processes and operators only', async () => {
    const individual = createRequestContext({ type: 'individual', id: randomUUID() });
    await expect(useCase.execute(individual, { offerId })).rejects.toThrow(/bank's own processes only/);
    await expect(useCase.execute(createRequestContext({ type: 'operator', name: 'ops' }), { offerId })).resolves.toHaveLength(3);
  });
});
