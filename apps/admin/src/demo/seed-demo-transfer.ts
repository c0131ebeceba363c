import type { INestApplicationContext } from '@nestjs/common';
import { GrantConsentUseCase, ListConsentsUseCase } from '@infobank/consent';
import { createRequestContext } from '@infobank/platform';
import { BuildTransferUseCase, DownloadPartUseCase, GetTransferUseCase, RequestTransferUseCase } from '@infobank/provision';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';

/** Who the demo transfer involves: the individual who consents, the recipient who fetches, and its offer. */
export interface DemoTransferParties {
  individualId: string;
  recipientId: string;
  offerId: string;
  /** Optional items of the offer the individual also consents to. */
  optionalItems: string[];
}

/** The same key on every run: seeding again finds the same transfer instead of making a new one. */
const DEMO_TRANSFER_KEY = 'seed-demo-transfer-v1';

/**
 * A provision the demo individual can see in their history with a verifiable proof: the individual
 * consents to the recipient's offer, the recipient requests a transfer, the worker's build runs, the
 * recipient downloads every part (which records the provisions and credits the benefit), and the log is
 * sealed so the proof is ready at once. Idempotent.
 */
export async function seedDemoTransfer(app: INestApplicationContext, parties: DemoTransferParties) {
  const asIndividual = createRequestContext({ type: 'individual', id: parties.individualId });
  const asRecipient = createRequestContext({ type: 'organisation', id: parties.recipientId, roles: ['recipient'] });
  const consents = await app.get(ListConsentsUseCase).execute(asIndividual, {});
  if (!consents.some((consent) => consent.offerId === parties.offerId && (consent.state === 'active' || consent.state === 'paused'))) {
    // The demo individual's step-up is taken as given: seeding acts for the demo account it just made.
    await app
      .get(GrantConsentUseCase)
      .execute(asIndividual, { offerId: parties.offerId, optionalItems: parties.optionalItems, mode: 'auto', stepUp: true });
  }
  const { transferId } = await app
    .get(RequestTransferUseCase)
    .execute(asRecipient, { offerId: parties.offerId, idempotencyKey: DEMO_TRANSFER_KEY });
  await app.get(BuildTransferUseCase).execute(createRequestContext({ type: 'system', name: 'seed:demo' }), { transferId });
  const transfer = await app.get(GetTransferUseCase).execute(asRecipient, transferId);
  for (const part of transfer.partList) {
    if (part.status === 'ready' || part.status === 'delivered') {
      await app.get(DownloadPartUseCase).execute(asRecipient, { transferId, part: String(part.part) });
    }
  }
  await app.get(SealTransparencyLogUseCase).execute(createRequestContext({ type: 'system', name: 'seed:demo' }));
  const delivered = await app.get(GetTransferUseCase).execute(asRecipient, transferId);
  return { transferId, status: delivered.status, delivered: delivered.counts.delivered };
}
