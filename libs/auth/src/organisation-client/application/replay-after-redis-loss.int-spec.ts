import { CreateOrganisationUseCase, OrganisationDirectory, OrganisationStore, validCorporateNumber } from '@infobank/catalog';
import { createRequestContext, Transactions } from '@infobank/platform';
import type { Redis } from 'ioredis';
import { randomInt } from 'node:crypto';
import { generateOrganisationKey, OrganisationClient } from '../../../../../test/support/organisation-client';
import { isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../../test/support/platform';
import { PrivateRedis } from '../../../../../test/support/private-redis';
import { rejection } from '../../../../../test/support/refusals';
import { ReplayCache } from '../infrastructure/redis-replay-cache';
import { ClientAssertionVerifier } from './client-assertion.verifier';
import { DpopProofChecker } from './dpop-proof.checker';

const issuer = 'https://intake.bank.example';
const tokenEndpointUrl = `${issuer}/oauth/token`;

// A private redis-server, so that the data loss (FLUSHALL) touches no other suite's keys, and a database
// of its own, whose marker row this suite controls.
describe('jti replay caches across a Redis data loss (real Redis, real Postgres, real jose)', () => {
  let redis: PrivateRedis;
  let client: Redis;
  let environment: IsolatedEnvironment;
  let organisation: OrganisationClient;
  let directory: OrganisationDirectory;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    client = redis.client();
    environment = await isolatedEnvironment();
    const dataSource = environment.dataSource;
    const organisations = new OrganisationStore(dataSource);
    directory = new OrganisationDirectory(organisations);
    const signingKey = await generateOrganisationKey('ES256');
    const { id } = await new CreateOrganisationUseCase(new Transactions(dataSource), organisations, { allowLocalWebhooks: true }).execute(
      createRequestContext({ type: 'operator', name: 'test' }),
      {
        corporateNumber: validCorporateNumber(String(randomInt(0, 1e12)).padStart(12, '0')),
        name: { ja: '提供元株式会社' },
        country: 'JP',
        roles: ['provider'],
        signingKeys: [signingKey.publicJwk],
        termsVersion: '2025-01',
      },
    );
    organisation = new OrganisationClient(issuer, id, signingKey, await generateOrganisationKey('EdDSA'));
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
    await environment?.dispose();
  });

  /** A bank that has never run: an empty Redis, and no record of a marker ever written. */
  async function firstStart(): Promise<void> {
    await redis.flushAll();
    await environment.dataSource.query(`DELETE FROM "replay_cache_markers"`);
  }

  /** A process of the bank: its own replay cache over the shared Redis, as intake builds it. */
  async function bankProcess() {
    const cache = new ReplayCache(client, environment.dataSource, testLogger());
    await cache.onApplicationBootstrap();
    return { proofs: new DpopProofChecker(cache), assertions: new ClientAssertionVerifier(directory, cache) };
  }

  async function presentAssertion(bank: Awaited<ReturnType<typeof bankProcess>>, assertion: string, now: number): Promise<void> {
    const verified = await bank.assertions.verify(assertion, { issuer, tokenEndpointUrl, now });
    await bank.assertions.spend(verified, now);
  }

  async function presentProof(bank: Awaited<ReturnType<typeof bankProcess>>, proof: string, now: number): Promise<void> {
    const checked = await bank.proofs.check(proof, { method: 'POST', url: tokenEndpointUrl, now });
    await bank.proofs.spend(checked, now);
  }

  const seconds = () => Math.floor(Date.now() / 1000);

  it('refuses a client assertion and a DPoP proof used before the loss, when they come again after it', async () => {
    await firstStart();
    const bank = await bankProcess();
    const now = seconds();
    const assertion = await organisation.clientAssertion({ issuedAt: now, expiresAt: now + 120 });
    // Dated 50 s ahead (a client clock running fast): acceptable for a minute after the loss, too.
    const proof = await organisation.dpopProof({ issuedAt: now + 50 });
    const unusedProof = await organisation.dpopProof({ issuedAt: now });
    await presentAssertion(bank, assertion, now);
    await presentProof(bank, proof, now);
    // Within one epoch a replay is refused by its spent jti.
    expect((await rejection(presentAssertion(bank, assertion, now))).code).toBe('INVALID_CLIENT');
    expect((await rejection(presentProof(bank, proof, now))).code).toBe('INVALID_DPOP_PROOF');

    await redis.flushAll();

    // The spent ids are gone; the missing marker says so, and both are refused all the same.
    const assertionAgain = await rejection(presentAssertion(bank, assertion, now + 5));
    const proofAgain = await rejection(presentProof(bank, proof, now + 5));
    expect([assertionAgain.code, proofAgain.code]).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    // Another instance reads the same epoch from Redis: a proof of before the loss is refused there too.
    const other = await bankProcess();
    expect((await rejection(presentProof(other, unusedProof, now + 30))).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('lets tokens issued after the loss through once nothing of before it could be them', async () => {
    await firstStart();
    const bank = await bankProcess();
    await presentProof(bank, await organisation.dpopProof(), seconds());
    await redis.flushAll();
    const lossNoticedAt = seconds();
    const stale = await organisation.dpopProof({ issuedAt: lossNoticedAt });
    expect((await rejection(presentProof(bank, stale, lossNoticedAt))).code).toBe('SERVICE_UNAVAILABLE');

    // A minute and a bit later (the ±60 s window and the instances' clock skew), fresh tokens pass.
    const later = lossNoticedAt + 71;
    await expect(presentProof(bank, await organisation.dpopProof({ issuedAt: later }), later)).resolves.toBeUndefined();
    const assertion = await organisation.clientAssertion({ issuedAt: later, expiresAt: later + 60 });
    await expect(presentAssertion(bank, assertion, later)).resolves.toBeUndefined();
    // An assertion without iat is judged by its exp: one acceptable before the loss stays refused.
    const undated = await organisation.clientAssertion({ issuedAt: null, expiresAt: lossNoticedAt + 120 });
    expect((await rejection(presentAssertion(bank, undated, lossNoticedAt + 30))).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('refuses nothing on a first start (no marker was ever written)', async () => {
    await firstStart();
    const bank = await bankProcess();
    const now = seconds();
    await expect(presentProof(bank, await organisation.dpopProof({ issuedAt: now }), now)).resolves.toBeUndefined();
    await expect(presentAssertion(bank, await organisation.clientAssertion(), now)).resolves.toBeUndefined();
  });

  it('a process started after the loss notices it too (Postgres remembers that the marker was written)', async () => {
    await firstStart();
    const before = await bankProcess();
    const now = seconds();
    const proof = await organisation.dpopProof({ issuedAt: now });
    await presentProof(before, proof, now);
    await redis.flushAll();

    const startedAfter = await bankProcess();
    expect((await rejection(presentProof(startedAfter, proof, now + 5))).code).toBe('SERVICE_UNAVAILABLE');
  });
});
