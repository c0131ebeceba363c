import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '@infobank/vault';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { HttpResult, OrganisationClient } from '../../support/organisation-client';
import { suspendOrganisation } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { LinkWorld, newCustomerRef, type Individual } from '../intake/link-world';

describe('portal: an individual links providers (POST/GET/DELETE /v1/me/links)', () => {
  let world: LinkWorld;
  let dataSource: DataSource;
  let provider: OrganisationClient;

  beforeAll(async () => {
    world = await LinkWorld.start();
    dataSource = await openTestDataSource();
    provider = await world.organisation(['provider'], { ja: '提供元商事株式会社', en: 'Provider Trading K.K.' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await world?.close();
  });

  const linksOf = async (individual: Individual) =>
    (await dataSource.query(`SELECT * FROM provider_links WHERE individual_id = $1`, [individual.id])) as any[];

  it('creates a pending link and shows its one-time code once; only the code’s SHA-256 is stored', async () => {
    const individual = await world.individual();
    const before = Date.now();
    const response = await world.atPortal(individual, 'POST', '/v1/me/links', {
      providerId: provider.organisationId,
      categories: ['purchase.receipts', 'finance.transactions'],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(response.body).sort()).toEqual(['expiresAt', 'linkCode', 'linkId']);
    expect(response.body.linkCode).toMatch(new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`));
    const lifetimeMs = Date.parse(response.body.expiresAt) - before;
    expect(lifetimeMs).toBeGreaterThan(14.9 * 60_000);
    expect(lifetimeMs).toBeLessThanOrEqual(15 * 60_000 + 1_000);

    const [row] = await linksOf(individual);
    expect(row).toMatchObject({
      id: response.body.linkId,
      provider_id: provider.organisationId,
      categories: ['purchase.receipts', 'finance.transactions'],
      status: 'pending',
      customer_ref: null,
    });
    expect(row.code_hash.equals(createHash('sha256').update(response.body.linkCode).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(response.body.linkCode);
  });

  it('lists my links with the provider’s names and status, never a code or its hash', async () => {
    const individual = await world.individual();
    const pending = await world.createLink(individual, provider.organisationId, ['profile.basic']);
    const customerRef = newCustomerRef();
    const active = await world.linked(individual, provider, customerRef, ['purchase.receipts']);

    const list = await world.atPortal(individual, 'GET', '/v1/me/links');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    // Newest first.
    const [newest, older] = list.body;
    expect(newest).toEqual({
      linkId: active.linkId,
      providerId: provider.organisationId,
      providerName: { ja: '提供元商事株式会社', en: 'Provider Trading K.K.' },
      categories: ['purchase.receipts'],
      status: 'active',
      customerRef,
      createdAt: expect.any(String),
      codeExpiresAt: active.expiresAt,
      linkedAt: expect.any(String),
      removedAt: null,
    });
    expect(older).toMatchObject({ linkId: pending.linkId, status: 'pending', customerRef: null, linkedAt: null });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(pending.linkCode);
    expect(text).not.toContain(active.linkCode);
    expect(text).not.toMatch(/hash/i);
  });

  it('shows a link whose code ran out unused as expired', async () => {
    const individual = await world.individual();
    await world.createLink(individual, provider.organisationId);
    await dataSource.query(`UPDATE provider_links SET code_expires_at = now() - interval '1 second' WHERE individual_id = $1`, [
      individual.id,
    ]);
    const list = await world.atPortal(individual, 'GET', '/v1/me/links');
    expect(list.body.map((link: { status: string }) => link.status)).toEqual(['expired']);
  });

  describe('refuses bad requests with the field named, and writes nothing', () => {
    async function refusedWithPaths(body: unknown, paths: string[]): Promise<void> {
      const individual = await world.individual();
      const response = await world.atPortal(individual, 'POST', '/v1/me/links', body);
      expectRefused(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([...paths].sort());
      expect(await linksOf(individual)).toEqual([]);
    }

    it('an unknown category, pointing at its index', () =>
      refusedWithPaths({ providerId: provider.organisationId, categories: ['purchase.receipts', 'no.such.category'] }, ['/categories/1']));

    it('a repeated category', () =>
      refusedWithPaths({ providerId: provider.organisationId, categories: ['profile.basic', 'profile.basic'] }, ['/categories/1']));

    it('no categories at all', () => refusedWithPaths({ providerId: provider.organisationId, categories: [] }, ['/categories']));

    it('a provider id that is not a UUID, and extra fields', () =>
      refusedWithPaths({ providerId: 'acme', categories: ['profile.basic'], status: 'active' }, ['/providerId', '/status']));
  });

  it('answers an unknown, a recipient-only and a suspended organisation alike: 404 PROVIDER_NOT_FOUND', async () => {
    const individual = await world.individual();
    const recipient = await world.organisation(['recipient']);
    const suspended = await world.organisation(['provider']);
    await suspendOrganisation(world.intake, suspended.organisationId);
    const attempt = (providerId: string) =>
      world.atPortal(individual, 'POST', '/v1/me/links', { providerId, categories: ['profile.basic'] });

    const answers: HttpResult[] = [];
    for (const providerId of ['9d7c0f9e-3a52-4c1b-9a51-0c6f1c1b2a11', recipient.organisationId, suspended.organisationId]) {
      const response = await attempt(providerId);
      expectRefused(response, 404, 'PROVIDER_NOT_FOUND');
      answers.push(response);
    }
    const comparable = (response: HttpResult) => ({ ...response.body, instance: undefined });
    expect(comparable(answers[1])).toEqual(comparable(answers[0]));
    expect(comparable(answers[2])).toEqual(comparable(answers[0]));
    expect(await linksOf(individual)).toEqual([]);
    // A provider that is also a recipient is a provider.
    const both = await world.organisation(['provider', 'recipient']);
    expect((await attempt(both.organisationId)).status).toBe(201);
  });

  it('needs a signed-in individual', async () => {
    expectRefused(await world.atPortal(null, 'GET', '/v1/me/links'), 401, 'UNAUTHENTICATED');
    expectRefused(
      await world.atPortal(null, 'POST', '/v1/me/links', { providerId: provider.organisationId, categories: ['profile.basic'] }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('keeps my links from everyone else: B can neither see nor delete A’s link (404)', async () => {
    const [alice, bob] = [await world.individual(), await world.individual()];
    const customerRef = newCustomerRef();
    const alicesLink = await world.linked(alice, provider, customerRef);

    expect((await world.atPortal(bob, 'GET', '/v1/me/links')).body).toEqual([]);
    const deleted = await world.atPortal(bob, 'DELETE', `/v1/me/links/${alicesLink.linkId}`);
    const unknown = await world.atPortal(bob, 'DELETE', '/v1/me/links/5b0f3f0e-8d1f-4e57-b2a4-7d4f1c2b3a44');
    expectRefused(deleted, 404, 'LINK_NOT_FOUND');
    expectRefused(unknown, 404, 'LINK_NOT_FOUND');
    expect({ ...deleted.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
    expectRefused(await world.atPortal(bob, 'DELETE', '/v1/me/links/not-a-uuid'), 400, 'VALIDATION_FAILED');

    expect(await world.activeLink(provider.organisationId, customerRef)).toMatchObject({
      linkId: alicesLink.linkId,
      individualId: alice.id,
    });
  });

  it('removes my active link: deposits stop (the directory no longer finds it), and removing again is fine', async () => {
    const individual = await world.individual();
    const customerRef = newCustomerRef();
    const { linkId } = await world.linked(individual, provider, customerRef);
    expect(await world.activeLink(provider.organisationId, customerRef)).toMatchObject({ linkId, individualId: individual.id });

    const removed = await world.atPortal(individual, 'DELETE', `/v1/me/links/${linkId}`);
    expect(removed.status).toBe(204);
    expect(removed.body).toBeUndefined();
    expect(await world.activeLink(provider.organisationId, customerRef)).toBeUndefined();
    expect((await world.atPortal(individual, 'DELETE', `/v1/me/links/${linkId}`)).status).toBe(204);

    const [link] = (await world.atPortal(individual, 'GET', '/v1/me/links')).body;
    expect(link).toMatchObject({ linkId, status: 'removed', removedAt: expect.any(String) });
  });

  it('removing a pending link makes its code worthless', async () => {
    const individual = await world.individual();
    const { linkId, linkCode } = await world.createLink(individual, provider.organisationId);
    expect((await world.atPortal(individual, 'DELETE', `/v1/me/links/${linkId}`)).status).toBe(204);
    expectRefused(await world.redeem(provider, linkCode, newCustomerRef()), 400, 'LINK_CODE_INVALID');
    expect((await linksOf(individual))[0]).toMatchObject({ status: 'removed', code_hash: null, customer_ref: null });
  });
});
