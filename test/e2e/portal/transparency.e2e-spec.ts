// The public transparency statistics: no sign-in, true counts at or above TRANSPARENCY_MIN_CELL, and every smaller
// cell shown as suppressed (never as 0 or as its number). Seeded through the use cases, not over HTTP.
import { RegisterIndividualUseCase } from '@infobank/identity';
import { GrantConsentUseCase, RevokeConsentUseCase } from '@infobank/consent';
import { createRequestContext } from '@infobank/platform';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { registerOrganisation } from '../../support/organisation-client';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { approveOfferOf } from './standing-conditions-world';
import { newIndividual } from './session-client';

const SUPPRESSED = { suppressed: true, count: null };
const shown = (count: number) => ({ suppressed: false, count });

describe('portal: public transparency statistics suppress small cells', () => {
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let lowThreshold: RunningApp;
  const month = new Date().toISOString().slice(0, 7);

  const statistics = async (app: RunningApp) => {
    const response = await fetch(`${app.url}/v1/transparency`);
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    const database = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
    [portal, lowThreshold] = await Promise.all([
      startTestApp(PortalModule, database, PORTAL_ERROR_STATUS),
      startTestApp(PortalModule, { ...database, TRANSPARENCY_MIN_CELL: '2' }, PORTAL_ERROR_STATUS),
    ]);
    const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });
    const recipient = await registerOrganisation(portal, { roles: ['recipient'] });
    const offerId = await approveOfferOf(portal, recipient.organisationId);
    const operator = createRequestContext({ type: 'operator', name: 'e2e' });
    // Twelve individuals consent; two of them revoke: 10 active (at the minimum), 2 revoked (below it).
    const individuals = await Promise.all(
      Array.from({ length: 12 }, () => use(RegisterIndividualUseCase).execute(operator, { ...newIndividual(), language: 'ja' })),
    );
    const consentIds: string[] = [];
    for (const individual of individuals) await verifyEmailWithoutMail(portal, individual.id);
    for (const individual of individuals) {
      const ctx = createRequestContext({ type: 'individual', id: individual.id });
      consentIds.push((await use(GrantConsentUseCase).execute(ctx, { offerId, optionalItems: [], mode: 'auto' })).consentId);
    }
    for (const [index, consentId] of consentIds.slice(0, 2).entries()) {
      await use(RevokeConsentUseCase).execute(createRequestContext({ type: 'individual', id: individuals[index].id }), consentId, {
        reason: null,
      });
    }
    // The sealer seals only leaves of transactions older than every running one (cluster-wide), so it may need a few runs.
    await eventually(
      'the 14 leaves to be sealed',
      async () => {
        const outcome = await use(SealTransparencyLogUseCase).execute(createRequestContext({ type: 'system', name: 'test' }));
        return outcome.outcome !== 'busy' && outcome.treeSize === 14;
      },
      30_000,
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([portal?.close(), lowThreshold?.close()]);
    await environment?.dispose();
  });

  it('publishes counts at or above the minimum and suppresses those below it, without sign-in', async () => {
    const { status, body } = await statistics(portal);
    expect(status).toBe(200);
    expect(body.minCell).toBe(10);
    expect(body.months).toHaveLength(12);
    const current = body.months[11];
    expect(current.month).toBe(month);
    expect(current.individuals).toEqual(shown(12));
    expect(current.consentsByState).toEqual({ active: shown(10), paused: SUPPRESSED, revoked: SUPPRESSED, expired: SUPPRESSED });
    expect(current.revocations).toEqual(SUPPRESSED);
    expect(current.boardDecisions).toEqual({ approved: SUPPRESSED, rejected: SUPPRESSED, changes_requested: SUPPRESSED });
    expect(current.attestations).toEqual({ count: SUPPRESSED, medianSecondsToAttest: null });
    expect(current.provisionsByPurpose).toEqual([]);
    expect(current.provisionsByRecipient).toEqual([]);
    // Months before any activity are all suppressed, not zero.
    expect(body.months[0].individuals).toEqual(SUPPRESSED);
    // 12 grants and 2 revocations are the log's 14 leaves.
    expect(body.latestCheckpoint).toMatchObject({ treeSize: 14, checkpoint: expect.any(String) });
  });

  it('is documented in the OpenAPI document with its response schema', async () => {
    const document = (await (await fetch(`${portal.url}/docs/openapi.json`)).json()) as { paths: Record<string, any> };
    expect(document.paths['/v1/transparency'].get.responses['200'].content['application/json'].schema.$ref).toMatch(
      /TransparencyStatisticsDto$/,
    );
  });

  it('publishes the small cells once TRANSPARENCY_MIN_CELL allows them, with their true numbers', async () => {
    const { body } = await statistics(lowThreshold);
    expect(body.minCell).toBe(2);
    const current = body.months[11];
    expect(current.consentsByState).toEqual({ active: shown(10), paused: SUPPRESSED, revoked: shown(2), expired: SUPPRESSED });
    expect(current.revocations).toEqual(shown(2));
  });
});
