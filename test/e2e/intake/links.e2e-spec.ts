import { LINK_CODE_LIFETIME_MS } from '@infobank/vault';
import type { DataSource } from 'typeorm';
import type { OrganisationClient } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { LinkWorld, newCustomerRef } from './link-world';

describe('intake: providers redeem link codes and unlink customers (POST/DELETE /v1/links)', () => {
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
  afterEach(() => jest.restoreAllMocks());

  const statusOf = async (linkId: string): Promise<string> =>
    (await dataSource.query(`SELECT status FROM provider_links WHERE id = $1`, [linkId]))[0].status;

  it('create → redeem → active: the provider learns the categories, the individual sees the link active', async () => {
    const individual = await world.individual();
    const { linkId, linkCode } = await world.createLink(individual, provider.organisationId, ['purchase.receipts', 'location.visits']);
    const customerRef = newCustomerRef();
    // As a customer might type it: lower case, with a hyphen.
    const typed = `${linkCode.slice(0, 5)}-${linkCode.slice(5)}`.toLowerCase();

    const redeemed = await world.redeem(provider, typed, customerRef);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toEqual({ linkId, categories: ['purchase.receipts', 'location.visits'] });
    expect(await world.activeLink(provider.organisationId, customerRef)).toEqual({
      linkId,
      individualId: individual.id,
      categories: ['purchase.receipts', 'location.visits'],
    });
    const [shown] = (await world.atPortal(individual, 'GET', '/v1/me/links')).body;
    expect(shown).toMatchObject({ linkId, status: 'active', customerRef });
    const [row] = await dataSource.query(`SELECT code_hash, linked_at FROM provider_links WHERE id = $1`, [linkId]);
    expect(row).toEqual({ code_hash: null, linked_at: expect.any(Date) });
  });

  it('a used code fails, answered exactly like an unknown one', async () => {
    const individual = await world.individual();
    const { linkCode } = await world.linked(individual, provider, newCustomerRef());
    const used = await world.redeem(provider, linkCode, newCustomerRef());
    const unknown = await world.redeem(provider, 'ZZZZZZZZZZ', newCustomerRef());
    const malformed = await world.redeem(provider, '0000000000', newCustomerRef());
    expectRefused(used, 400, 'LINK_CODE_INVALID');
    expect(used.body).toEqual(unknown.body);
    expect(used.body).toEqual(malformed.body);
    expect(used.body.errors).toEqual([{ path: '/linkCode', message: expect.any(String) }]);
  });

  it('an expired code fails and the link stays pending; a moment before expiry it works', async () => {
    const individual = await world.individual();
    const expired = await world.createLink(individual, provider.organisationId);
    const justInTime = await world.createLink(individual, provider.organisationId);
    const clock = world.intakeClock;

    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.parse(expired.expiresAt) + 1));
    expectRefused(await world.redeem(provider, expired.linkCode, newCustomerRef()), 400, 'LINK_CODE_INVALID');
    expect(await statusOf(expired.linkId)).toBe('pending');

    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.parse(justInTime.expiresAt) - 1_000));
    expect((await world.redeem(provider, justInTime.linkCode, newCustomerRef())).status).toBe(200);
    expect(Date.parse(justInTime.expiresAt) - Date.now()).toBeLessThanOrEqual(LINK_CODE_LIFETIME_MS);
  });

  it('provider B cannot redeem a code made for provider A, and cannot burn it: A still can', async () => {
    const individual = await world.individual();
    const { linkId, linkCode } = await world.createLink(individual, provider.organisationId);
    const stolen = await world.redeem(otherProvider, linkCode, newCustomerRef());
    expectRefused(stolen, 400, 'LINK_CODE_INVALID');
    expect(stolen.body).toEqual((await world.redeem(otherProvider, 'ZZZZZZZZZZ', newCustomerRef())).body);
    expect(await statusOf(linkId)).toBe('pending');
    expect((await world.redeem(provider, linkCode, newCustomerRef())).status).toBe(200);
  });

  it('two concurrent redemptions of one code: exactly one wins', async () => {
    const individual = await world.individual();
    const { linkId, linkCode } = await world.createLink(individual, provider.organisationId);
    const refs = Array.from({ length: 8 }, () => newCustomerRef());
    const answers = await Promise.all(refs.map((customerRef) => world.redeem(provider, linkCode, customerRef)));

    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((answer) => answer.status !== 200)) expectRefused(loser, 400, 'LINK_CODE_INVALID');
    const rows = await dataSource.query(`SELECT id, status, customer_ref FROM provider_links WHERE individual_id = $1`, [individual.id]);
    expect(rows).toEqual([{ id: linkId, status: 'active', customer_ref: refs[answers.indexOf(winners[0])] }]);
  });

  it('a customer ref actively linked to another individual is 409 CUSTOMER_REF_IN_USE, and nothing changes', async () => {
    const [alice, bob] = [await world.individual(), await world.individual()];
    const customerRef = newCustomerRef();
    const alicesLink = await world.linked(alice, provider, customerRef);
    const bobsCode = await world.createLink(bob, provider.organisationId);

    const clash = await world.redeem(provider, bobsCode.linkCode, customerRef);
    expectRefused(clash, 409, 'CUSTOMER_REF_IN_USE');
    expect(clash.body.errors).toEqual([{ path: '/customerRef', message: expect.any(String) }]);
    expect(await world.activeLink(provider.organisationId, customerRef)).toMatchObject({
      linkId: alicesLink.linkId,
      individualId: alice.id,
    });
    expect(await statusOf(bobsCode.linkId)).toBe('pending');
    // The same ref at another provider is another customer altogether.
    expect(
      (await world.redeem(otherProvider, (await world.createLink(bob, otherProvider.organisationId)).linkCode, customerRef)).status,
    ).toBe(200);
  });

  it('the same individual linking again replaces the old link (same or new customer ref)', async () => {
    const individual = await world.individual();
    const customerRef = newCustomerRef();
    const first = await world.linked(individual, provider, customerRef, ['profile.basic']);

    const second = await world.linked(individual, provider, customerRef, ['purchase.receipts']);
    expect(await statusOf(first.linkId)).toBe('removed');
    expect(await world.activeLink(provider.organisationId, customerRef)).toEqual({
      linkId: second.linkId,
      individualId: individual.id,
      categories: ['purchase.receipts'],
    });

    const newRef = newCustomerRef();
    const third = await world.linked(individual, provider, newRef, ['finance.transactions']);
    expect(await statusOf(second.linkId)).toBe('removed');
    expect(await world.activeLink(provider.organisationId, customerRef)).toBeUndefined();
    expect((await world.activeLink(provider.organisationId, newRef))?.linkId).toBe(third.linkId);
  });

  it('refuses a bad customer ref or a missing code with the field named, and leaves the code usable', async () => {
    const individual = await world.individual();
    const { linkId, linkCode } = await world.createLink(individual, provider.organisationId);
    for (const customerRef of ['', 'x'.repeat(129), '山田花子', 'tab\there', 42]) {
      const refused = await world.atIntake(provider, 'POST', '/v1/links', { linkCode, customerRef });
      expectRefused(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toContain('/customerRef');
    }
    const missing = await world.atIntake(provider, 'POST', '/v1/links', { customerRef: newCustomerRef() });
    expectRefused(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.errors.map((error: { path: string }) => error.path)).toContain('/linkCode');
    expect(await statusOf(linkId)).toBe('pending');
    expect((await world.redeem(provider, linkCode, 'x'.repeat(128))).status).toBe(200);
  });

  it('DELETE /v1/links/:customerRef ends the provider’s link (deposits stop); again, or for another provider’s customer, is 404', async () => {
    const [alice, bob] = [await world.individual(), await world.individual()];
    const customerRef = 'CUST 42/α'.replace('α', `${Date.now()}`); // a space and a slash, percent-encoded in the path
    const alicesLink = await world.linked(alice, provider, customerRef);
    const bobsRef = newCustomerRef();
    const bobsLink = await world.linked(bob, otherProvider, bobsRef);
    const path = (ref: string) => `/v1/links/${encodeURIComponent(ref)}`;

    const removed = await world.atIntake(provider, 'DELETE', path(customerRef));
    expect(removed.status).toBe(204);
    expect(await world.activeLink(provider.organisationId, customerRef)).toBeUndefined();
    expect(await statusOf(alicesLink.linkId)).toBe('removed');
    const [shown] = (await world.atPortal(alice, 'GET', '/v1/me/links')).body;
    expect(shown).toMatchObject({ linkId: alicesLink.linkId, status: 'removed' });

    expectRefused(await world.atIntake(provider, 'DELETE', path(customerRef)), 404, 'LINK_NOT_FOUND');
    expectRefused(await world.atIntake(provider, 'DELETE', path(bobsRef)), 404, 'LINK_NOT_FOUND');
    expect(await world.activeLink(otherProvider.organisationId, bobsRef)).toMatchObject({ linkId: bobsLink.linkId });
  });

  it('needs an authenticated provider', async () => {
    const response = await fetch(`${world.intake.url}/v1/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ linkCode: 'ZZZZZZZZZZ', customerRef: 'CUST-1' }),
    });
    expect(response.status).toBe(401);
  });

  it('never writes link codes or customer refs into the log', async () => {
    const individual = await world.individual();
    const customerRef = `CUST-SECRET-${Date.now()}`;
    const { linkCode } = await world.linked(individual, provider, customerRef);
    await world.redeem(provider, linkCode, customerRef);
    await world.atIntake(provider, 'DELETE', `/v1/links/${customerRef}`);
    await world.atIntake(provider, 'DELETE', `/v1/links/${customerRef}`);
    const logged = [...world.intake.log.lines, ...world.portal.log.lines].join('\n');
    expect(world.intake.log.lines.length).toBeGreaterThan(0);
    expect(logged).not.toContain(customerRef);
    expect(logged).not.toContain(linkCode);
  });
});
