import type { INestApplicationContext } from '@nestjs/common';
import { signJsonAsOrganisation, type JWK } from '@infobank/crypto';
import { createRequestContext, type RequestContext } from '@infobank/platform';
import { CreateLinkUseCase, DEPOSIT_BATCH_JWS_TYPE, DepositRecordsUseCase, LinkDirectory, RedeemLinkCodeUseCase } from '@infobank/vault';
import { readFileSync } from 'node:fs';
import { DEMO_DEPOSIT_BATCH_VERSION, DEMO_DEPOSITS, type DemoDeposit } from './demo-deposits';

/** A seeded demo provider: its id and the private signing key file it signs batches with. */
export interface SeededProvider {
  slug: string;
  id: string;
  signingKeyFile: string;
}

/** How many of a provider's demo records the bank holds after seeding. */
export interface SeededDeposits {
  provider: string;
  batchId: string;
  links: number;
  records: number;
}

/**
 * Links the demo individuals to the demo providers (the individual makes a link code, the provider
 * redeems it) and deposits each provider's demo records as one signed batch, through the same use
 * cases the portal and intake call. Idempotent: an existing active link is kept, and the batch (same
 * batchId, same signed content) is answered as the first time, so nothing changes.
 */
export async function seedDemoDeposits(
  app: INestApplicationContext,
  ctx: RequestContext,
  providers: readonly SeededProvider[],
  individuals: readonly { email: string; id: string }[],
): Promise<SeededDeposits[]> {
  const individualIds = new Map(individuals.map((individual) => [individual.email, individual.id]));
  const seeded: SeededDeposits[] = [];
  for (const provider of providers) {
    const deposits = DEMO_DEPOSITS.filter((deposit) => deposit.providerSlug === provider.slug);
    if (deposits.length === 0) continue;
    const providerContext = createRequestContext({ type: 'organisation', id: provider.id, roles: ['provider'] }, ctx.correlationId);
    for (const deposit of deposits) {
      const individualId = individualIds.get(deposit.individualEmail);
      if (individualId === undefined) throw new Error(`The demo deposit names ${deposit.individualEmail}, who is not a demo individual`);
      await ensureLinked(
        app,
        providerContext,
        provider.id,
        deposit,
        createRequestContext({ type: 'individual', id: individualId }, ctx.correlationId),
      );
    }
    const batchId = `demo-seed-${provider.slug}-${DEMO_DEPOSIT_BATCH_VERSION}`;
    const records = deposits.flatMap((deposit) =>
      deposit.records.map((record) => ({ ...record, customerRef: deposit.customerRef, category: deposit.category })),
    );
    const privateJwk = JSON.parse(readFileSync(provider.signingKeyFile, 'utf8')) as JWK;
    const jws = await signJsonAsOrganisation({ batchId, records }, privateJwk, { typ: DEPOSIT_BATCH_JWS_TYPE });
    const { response } = await app.get(DepositRecordsUseCase).execute(providerContext, { jws });
    const refused = response.results.filter((result) => result.status === 'rejected');
    if (refused.length > 0) throw new Error(`The demo batch ${batchId} had ${refused.length} refused records: ${JSON.stringify(refused)}`);
    seeded.push({ provider: provider.slug, batchId, links: deposits.length, records: records.length });
  }
  return seeded;
}

async function ensureLinked(
  app: INestApplicationContext,
  providerContext: RequestContext,
  providerId: string,
  deposit: DemoDeposit,
  individualContext: RequestContext,
): Promise<void> {
  const active = (await app.get(LinkDirectory).findActiveLinks(providerContext, providerId, [deposit.customerRef])).get(
    deposit.customerRef,
  );
  const individualId = (individualContext.actor as { id: string }).id;
  if (active?.individualId === individualId && active.categories.includes(deposit.category)) return;
  const { linkCode } = await app.get(CreateLinkUseCase).execute(individualContext, { providerId, categories: [deposit.category] });
  await app.get(RedeemLinkCodeUseCase).execute(providerContext, { linkCode, customerRef: deposit.customerRef });
}
