import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SuspendOrganisationUseCase } from '@infobank/catalog';
import { SCHEMA } from '@infobank/migrations';
import { GetCatalogueOfferUseCase, SetOffersSuspendedUseCase, type CatalogueOfferDetail } from '@infobank/offers';
import { createRequestContext, withTransaction, type RequestContext } from '@infobank/platform';
import type { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { backendPid, blockersOf, connectionsForEachTest } from '../../../../../test/support/lock-waits';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../../test/support/platform';
import { rejection } from '../../../../../test/support/refusals';
import {
  approveOffer,
  ConsentGrantingModule,
  seedStandingConditionIndividuals,
  submittedMarketingOffer,
} from '../../../../../test/bench/consent-granting';
import type { GrantConsentCommand } from '../domain/consent-grant';
import { GrantConsentUseCase } from './grant-consent.use-case';

describe("a single grant's reads and its commit-time re-checks (GrantConsentUseCase over Postgres)", () => {
  const operator = createRequestContext({ type: 'operator', name: 'test' });
  const board = createRequestContext({ type: 'system', name: 'test.review' });
  const command = (offerId: string): GrantConsentCommand => ({ offerId, optionalItems: [], mode: 'auto', acknowledgedCountries: [] });
  let environment: IsolatedEnvironment;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let grant: GrantConsentUseCase;
  let catalogue: GetCatalogueOfferUseCase;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    app = await NestFactory.createApplicationContext(
      ConsentGrantingModule.register({ service: 'grant-test', config: environment.config, logger: testLogger(), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    dataSource = environment.dataSource;
    grant = app.get(GrantConsentUseCase, { strict: false });
    catalogue = app.get(GetCatalogueOfferUseCase, { strict: false });
  });
  afterAll(async () => {
    await app?.close();
    await environment?.dispose();
  });

  /** An individual who may consent (address verified, no terms published), as the portal's guard makes their context. */
  async function eligibleIndividual(): Promise<{ id: string; ctx: RequestContext }> {
    const id = randomUUID();
    await seedStandingConditionIndividuals((text, values) => dataSource.query(text, values), { ids: [id] });
    return { id, ctx: createRequestContext({ type: 'individual', id }) };
  }

  /** An approved offer of a new recipient, read from the catalogue as the grant reads it. */
  async function readOffer(ctx: RequestContext): Promise<CatalogueOfferDetail> {
    const { offerId } = await submittedMarketingOffer(app);
    await approveOffer(app, offerId);
    return catalogue.execute(ctx, { offerId, language: 'ja' });
  }

  /** What grants wrote for one individual: their consents and the consents' events. */
  const written = async (individualId: string): Promise<number[]> => {
    const [row] = (await dataSource.query(
      `SELECT (SELECT count(*)::int FROM "consents" WHERE "individual_id" = $1) AS "consents",
              (SELECT count(*)::int FROM "consent_events" e JOIN "consents" c ON c."id" = e."consent_id" WHERE c."individual_id" = $1) AS "events"`,
      [individualId],
    )) as { consents: number; events: number }[];
    return [row.consents, row.events];
  };

  it('reads everything it checks in one statement and writes with one more', async () => {
    const individual = await eligibleIndividual();
    const offer = await readOffer(individual.ctx);
    // Counted on node-postgres's client as the app's TypeORM loaded it: every statement the grant sends, whoever sends it
    // (the spy calls through).
    const { Client } = (app.get(DataSource).driver as unknown as { postgres: { Client: typeof PgClient } }).postgres;
    const query = jest.spyOn(Client.prototype, 'query');
    let sent: string[];
    try {
      await grant.execute(individual.ctx, command(offer.id));
      sent = query.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text));
    } finally {
      // Restoring also forgets the calls: they are read above.
      query.mockRestore();
    }
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/"accounts"[\s\S]*"terms_versions"[\s\S]*"offers"[\s\S]*"organisations"[\s\S]*"offer_review_outcomes"/);
    expect(sent[1]).toMatch(/^WITH "offer"[\s\S]*INSERT INTO "consents"/);
    expect(await written(individual.id)).toEqual([1, 1]);
  });

  it('refuses OFFER_NOT_FOUND and writes nothing when the offer is suspended after the reads, before the write', async () => {
    const individual = await eligibleIndividual();
    const offer = await readOffer(individual.ctx);
    await app
      .get(SetOffersSuspendedUseCase, { strict: false })
      .execute(board, { target: { type: 'offer', id: offer.id }, suspended: true });

    const refused = await rejection(grant.grantAll(individual.ctx, offer, [{ individualId: individual.id, command: command(offer.id) }]));

    expect(refused.code).toBe('OFFER_NOT_FOUND');
    expect(await written(individual.id)).toEqual([0, 0]);
  });

  it('refuses OFFER_NOT_FOUND and writes nothing when the recipient is suspended after the reads, before the write', async () => {
    const individual = await eligibleIndividual();
    const offer = await readOffer(individual.ctx);
    await app.get(SuspendOrganisationUseCase, { strict: false }).execute(operator, { organisationId: offer.recipient.id });

    const refused = await rejection(grant.grantAll(individual.ctx, offer, [{ individualId: individual.id, command: command(offer.id) }]));

    expect(refused.code).toBe('OFFER_NOT_FOUND');
    expect(await written(individual.id)).toEqual([0, 0]);
    // Read afresh, the offer of a suspended recipient is not found either: the same answer whenever the suspension came.
    expect((await rejection(grant.execute(individual.ctx, command(offer.id)))).code).toBe('OFFER_NOT_FOUND');
  });

  describe('a suspension of the recipient while the grant is being written (two connections)', () => {
    const connections = connectionsForEachTest(() => dataSource, 'granting', 'suspending');

    it('waits until the grant commits: the consent is given while the recipient was active, and the suspension follows it', async () => {
      const individual = await eligibleIndividual();
      const offer = await readOffer(individual.ctx);
      const [grantingPid, suspendingPid] = [await backendPid(connections.granting), await backendPid(connections.suspending)];
      await connections.granting.startTransaction();
      const [granted] = await grant.grantAll(withTransaction(individual.ctx, connections.granting.manager), offer, [
        { individualId: individual.id, command: command(offer.id) },
      ]);
      expect(granted).not.toBeNull();

      let suspended = false;
      await connections.suspending.startTransaction();
      const suspension = app
        .get(SuspendOrganisationUseCase, { strict: false })
        .execute(withTransaction(operator, connections.suspending.manager), { organisationId: offer.recipient.id })
        .then(async () => {
          await connections.suspending.commitTransaction();
          suspended = true;
        });
      // Parked behind the grant's share lock on the recipient's row (not merely slow).
      await eventually('the suspension to wait for the grant', async () =>
        (await blockersOf(dataSource, suspendingPid)).includes(grantingPid),
      );
      expect(suspended).toBe(false);

      await connections.granting.commitTransaction();
      await suspension;
      expect(suspended).toBe(true);
      expect(await written(individual.id)).toEqual([1, 1]);
    });

    it('makes a grant that re-checks after a suspension committed refuse OFFER_NOT_FOUND and write nothing', async () => {
      const individual = await eligibleIndividual();
      const offer = await readOffer(individual.ctx);
      const [grantingPid, suspendingPid] = [await backendPid(connections.granting), await backendPid(connections.suspending)];
      await connections.suspending.startTransaction();
      await app
        .get(SuspendOrganisationUseCase, { strict: false })
        .execute(withTransaction(operator, connections.suspending.manager), { organisationId: offer.recipient.id });
      await connections.granting.startTransaction();
      const grantAfter = rejection(
        grant.grantAll(withTransaction(individual.ctx, connections.granting.manager), offer, [
          { individualId: individual.id, command: command(offer.id) },
        ]),
      );
      // The grant's re-check waits for the suspension's transaction, then sees what it committed.
      await eventually('the grant to wait for the suspension', async () =>
        (await blockersOf(dataSource, grantingPid)).includes(suspendingPid),
      );
      await connections.suspending.commitTransaction();

      expect((await grantAfter).code).toBe('OFFER_NOT_FOUND');
      await connections.granting.rollbackTransaction();
      expect(await written(individual.id)).toEqual([0, 0]);
    });
  });
});
