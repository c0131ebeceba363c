// Both sides of a provider link, over real HTTP: individuals at the portal (bearer tokens) and
// providers at intake (private_key_jwt + DPoP, JSON bodies). Shared by the links suites.
import { randomUUID } from 'node:crypto';
import { createRequestContext } from '@infobank/platform';
import { LinkClock, LinkDirectory, type ActiveLink } from '@infobank/vault';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, send, startOrganisationApi, type HttpResult } from '../../support/organisation-client';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { callJson, newIndividual } from '../portal/session-client';

/** A signed-in individual at the portal. */
export interface Individual {
  id: string;
  accessToken: string;
}

/** The portal and intake running against this run's database, and ways to act on each. */
export class LinkWorld {
  private constructor(
    readonly portal: RunningApp,
    readonly intake: RunningApp,
  ) {}

  /** A world over apps already started (e.g. against a suite's isolated database). */
  static over(portal: RunningApp, intake: RunningApp): LinkWorld {
    return new LinkWorld(portal, intake);
  }

  static async start(): Promise<LinkWorld> {
    const [portal, intake] = await Promise.all([
      startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS),
      startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS),
    ]);
    return new LinkWorld(portal, intake);
  }

  async close(): Promise<void> {
    await Promise.all([this.portal.close(), this.intake.close()]);
  }

  /** Registers and signs in a new individual. */
  async individual(): Promise<Individual> {
    const details = newIndividual();
    const registered = await callJson(this.portal.url, 'POST', '/v1/auth/register', { body: details });
    const login = await callJson(this.portal.url, 'POST', '/v1/auth/login', { body: { email: details.email, password: details.password } });
    if (registered.status !== 201 || login.status !== 200) throw new Error(`Sign-in failed: ${registered.status} ${login.status}`);
    await verifyEmailWithoutMail(this.portal, registered.body.id as string);
    return { id: registered.body.id as string, accessToken: login.body.accessToken as string };
  }

  /** Registers an organisation (a provider unless told otherwise) with a client for intake. */
  organisation(roles: ('provider' | 'recipient')[] = ['provider'], name?: { ja: string; en?: string }): Promise<OrganisationClient> {
    return registerOrganisation(this.intake, { roles, name });
  }

  /** Calls the portal as `individual` (or with no token). */
  async atPortal(individual: Individual | null, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    if (individual !== null) headers.authorization = `Bearer ${individual.accessToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return send(`${this.portal.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** Calls intake as `provider` with a fresh DPoP-bound token and a proof for exactly this request. */
  async atIntake(provider: OrganisationClient, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<HttpResult> {
    return provider.call(method, path, body === undefined ? {} : { body });
  }

  /** The individual creates a link at the portal; fails the test unless it is created. */
  async createLink(individual: Individual, providerId: string, categories: string[] = ['purchase.receipts']) {
    const response = await this.atPortal(individual, 'POST', '/v1/me/links', { providerId, categories });
    if (response.status !== 201) throw new Error(`Link not created: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { linkId: string; linkCode: string; expiresAt: string };
  }

  /** The provider redeems a link code at intake. */
  redeem(provider: OrganisationClient, linkCode: string, customerRef: string): Promise<HttpResult> {
    return this.atIntake(provider, 'POST', '/v1/links', { linkCode, customerRef });
  }

  /** A fully linked customer: created at the portal, redeemed at intake. */
  async linked(individual: Individual, provider: OrganisationClient, customerRef: string, categories?: string[]) {
    const created = await this.createLink(individual, provider.organisationId, categories);
    const redeemed = await this.redeem(provider, created.linkCode, customerRef);
    if (redeemed.status !== 200) throw new Error(`Code not redeemed: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
    return created;
  }

  /** What deposits would see: the provider's active link for this customer ref, asked of intake's own LinkDirectory. */
  async activeLink(providerId: string, customerRef: string): Promise<ActiveLink | undefined> {
    return (
      await this.intake.app
        .get(LinkDirectory, { strict: false })
        .findActiveLinks(createRequestContext({ type: 'system', name: 'test' }), providerId, [customerRef])
    ).get(customerRef);
  }

  /** Intake's clock, to move past a code's expiry without waiting for it. */
  get intakeClock(): LinkClock {
    return this.intake.app.get(LinkClock, { strict: false });
  }
}

/** A fresh customer reference, unique in the run. */
export function newCustomerRef(): string {
  return `CUST-${randomUUID()}`;
}
