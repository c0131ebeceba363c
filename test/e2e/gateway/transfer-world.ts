// The whole provision path over real HTTP, for the transfers suites: a provider deposits at intake,
// individuals link and consent at the portal, a recipient (private_key_jwt + DPoP) requests transfers
// at the gateway and downloads parts it decrypts with its own key. The worker runs in-process, or a
// suite drives BuildTransferUseCase itself when it needs to stop between steps.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext } from '@infobank/platform';
import { BuildTransferUseCase, type BuildHooks, type PackagePayload } from '@infobank/provision';
import { generateEncryptionKey, RecipientClient } from '@infobank/sdk';
import type { JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { registerOrganisation, startOrganisationApi, type HttpResult, type OrganisationClient } from '../../support/organisation-client';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';
import { receiptRecord, type DepositedRecord } from '../intake/deposits-client';
import { LinkWorld, newCustomerRef, type Individual } from '../intake/link-world';
import { depositBatch } from '../portal/data-world';
import { approveOfferOf } from '../portal/standing-conditions-world';

/** A recipient: its gateway client and the private half of the encryption key it registered. */
export interface Recipient {
  client: OrganisationClient;
  decryptionKey: JWK;
}

/** What a part decrypts and verifies to. */
export interface OpenedPart {
  payload: PackagePayload;
  kid: string;
}

/** Options for the world: whether the worker runs, and config overrides (e.g. TRANSFER_PART_MAX_SUBJECTS). */
export interface TransferWorldOptions {
  worker?: boolean;
  config?: Record<string, string>;
}

export class TransferWorld {
  private constructor(
    readonly environment: IsolatedEnvironment,
    readonly links: LinkWorld,
    readonly gateway: RunningApp,
    readonly worker: INestApplicationContext | null,
  ) {}

  static async start(options: TransferWorldOptions = {}): Promise<TransferWorld> {
    const environment = await isolatedEnvironment(options.config ?? {});
    const env = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix, ...options.config };
    const [portal, intake, gateway] = await Promise.all([
      startTestApp(PortalModule, env, PORTAL_ERROR_STATUS),
      startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS, env),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS, env),
    ]);
    const worker = options.worker
      ? await NestFactory.createApplicationContext(
          WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
          { logger: false, abortOnError: false },
        )
      : null;
    return new TransferWorld(environment, LinkWorld.over(portal, intake), gateway, worker);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await Promise.all([this.links.close(), this.gateway.close()]);
    await this.environment.dispose();
  }

  get portal(): RunningApp {
    return this.links.portal;
  }

  /** A use case of the gateway's context (same database). */
  use<T>(type: new (...args: never[]) => T): T {
    return this.gateway.app.get(type, { strict: false });
  }

  /** A provider registered for intake. */
  provider(): Promise<OrganisationClient> {
    return this.links.organisation(['provider']);
  }

  /** A recipient registered for the gateway with a fresh X25519 encryption key. */
  async recipient(name?: { ja: string; en?: string }, webhookUrl?: string): Promise<Recipient> {
    const { publicJwk, privateJwk } = await generateEncryptionKey();
    const client = await registerOrganisation(this.gateway, {
      roles: ['recipient'],
      encryptionKey: publicJwk,
      ...(name ? { name } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
    });
    return { client, decryptionKey: privateJwk };
  }

  /** An offer of `recipient` (offerTerms + overrides), submitted and approved by the board. */
  approvedOffer(recipient: Recipient, overrides: Record<string, unknown> = {}): Promise<string> {
    return approveOfferOf(this.gateway, recipient.client.organisationId, overrides);
  }

  /** A new individual linked to `provider` with `records(customerRef)` deposited. */
  async individualWithRecords(
    provider: OrganisationClient,
    records: (customerRef: string) => DepositedRecord[] = (customerRef) => [receiptRecord(customerRef, { observedAt: daysAgo(3) })],
    categories = ['purchase.receipts', 'location.visits'],
  ): Promise<Individual> {
    const individual = await this.links.individual();
    const customerRef = newCustomerRef();
    await this.links.linked(individual, provider, customerRef, categories);
    await depositBatch(provider, records(customerRef));
    return individual;
  }

  /** The individual consents at the portal; returns the consent id. */
  async consent(
    individual: Individual,
    offerId: string,
    options: { optionalItems?: string[]; mode?: 'auto' | 'ask' } = {},
  ): Promise<string> {
    const response = await this.links.atPortal(individual, 'POST', '/v1/me/consents', {
      offerId,
      optionalItems: options.optionalItems ?? [],
      mode: options.mode ?? 'auto',
    });
    if (response.status !== 201) throw new Error(`Consent refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.consentId as string;
  }

  /** POST /v1/transfers as the recipient. */
  request(recipient: Recipient, body: Record<string, unknown>, idempotencyKey: string = randomUUID()): Promise<HttpResult> {
    return recipient.client.call('POST', '/v1/transfers', { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  /** Requests a transfer and returns its id; fails the test unless it is accepted. */
  async requested(recipient: Recipient, body: Record<string, unknown>): Promise<string> {
    const response = await this.request(recipient, body);
    if (response.status !== 202) throw new Error(`Transfer refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.transferId as string;
  }

  /** Builds the transfer in this process (what the worker's job does). */
  build(transferId: string, hooks: BuildHooks = {}): Promise<void> {
    return this.use(BuildTransferUseCase).execute(createRequestContext({ type: 'system', name: 'test' }), { transferId }, hooks);
  }

  /** GET /v1/transfers/:id as the recipient. */
  transfer(recipient: Recipient, transferId: string): Promise<HttpResult> {
    return recipient.client.call('GET', `/v1/transfers/${transferId}`);
  }

  /** Waits until the transfer reads `status` (the worker builds it). */
  async until(recipient: Recipient, transferId: string, status: string, timeoutMs = 20_000): Promise<any> {
    return eventually(
      `transfer ${transferId} to be ${status}`,
      async () => {
        const response = await this.transfer(recipient, transferId);
        return response.status === 200 && response.body.status === status ? response.body : undefined;
      },
      timeoutMs,
    );
  }

  /** GET /v1/transfers/:id/parts/:n as the recipient. */
  download(recipient: Recipient, transferId: string, part: number): Promise<HttpResult> {
    return recipient.client.call('GET', `/v1/transfers/${transferId}/parts/${part}`);
  }

  /** Decrypts a part with the recipient's key and verifies the bank's signature against the published JWKS (the SDK's openPart). */
  async open(recipient: Recipient, jwe: string): Promise<OpenedPart> {
    const { payload, kid } = await new RecipientClient(recipient.client.sdk.at(this.gateway.url), recipient.decryptionKey).openPart(jwe);
    return { payload: payload as PackagePayload, kid };
  }
}

/** An ISO instant `days` days ago (with the +09:00 offset a Japanese provider would send). */
export function daysAgo(days: number): string {
  const instant = new Date(Date.now() - days * 24 * 3600 * 1000 + 9 * 3600 * 1000);
  return `${instant.toISOString().slice(0, 19)}+09:00`;
}
