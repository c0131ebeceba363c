import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { ReplicaReads, type RequestContext } from '@infobank/platform';
import { TransparencyLog, type InclusionProofView } from '@infobank/transparency-log';
import { ConsentNotFoundError, ConsentProofPendingError } from '../../consent.errors';
import type { ConsentEntity } from '../infrastructure/consent.entity';
import { ConsentEventStore } from '../infrastructure/consent-event.store';
import { ConsentStore } from '../infrastructure/consent.store';
import { consentView, eventView, type ConsentDetail, type ConsentEventView, type ConsentView } from './consent-view';

/** Most consents one listing returns. */
export const MAX_LISTED_CONSENTS = 500;

async function loadOwnConsent(consents: ConsentStore, ctx: RequestContext, consentId: string): Promise<ConsentEntity> {
  const row = ctx.actor.type === 'individual' && isUuid(consentId) ? await consents.findById(ctx, consentId) : null;
  // Someone else's consent reads exactly like one that does not exist.
  if (row === null || ctx.actor.type !== 'individual' || row.individualId !== ctx.actor.id)
    throw new ConsentNotFoundError(String(consentId));
  return row;
}

/** The consents of one individual, newest first: the caller's own, or (for the worker) the individual named. */
@Injectable()
export class ListConsentsUseCase {
  constructor(private readonly consents: ConsentStore) {}

  async execute(ctx: RequestContext, query: { individualId?: string } = {}): Promise<ConsentView[]> {
    const individualId = ctx.actor.type === 'individual' ? ctx.actor.id : ctx.actor.type === 'system' ? query.individualId : undefined;
    if (individualId === undefined || !isUuid(individualId)) return [];
    return (await this.consents.listOfIndividual(ctx, individualId, MAX_LISTED_CONSENTS)).map(consentView);
  }
}

/** One of my consents with its events and receipts. */
@Injectable()
export class GetOwnConsentUseCase {
  constructor(
    private readonly consents: ConsentStore,
    private readonly events: ConsentEventStore,
  ) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentDetail> {
    const row = await loadOwnConsent(this.consents, ctx, consentId);
    return { ...consentView(row), events: (await this.events.listOf(ctx, row.id)).map(eventView) };
  }
}

/**
 * The receipts of one of my consents, oldest first (each chains to the previous one's hash): the consent's
 * history, read from the read replica when it has replayed the individual's own latest change.
 */
@Injectable()
export class ListConsentReceiptsUseCase {
  constructor(
    private readonly consents: ConsentStore,
    private readonly events: ConsentEventStore,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentEventView[]> {
    return this.reads.run(ctx, async (read) => {
      const row = await loadOwnConsent(this.consents, read, consentId);
      return (await this.events.listOf(read, row.id)).map(eventView);
    });
  }
}

/**
 * The transparency log inclusion proof of one event of my consent (the latest when `eventId` is not
 * given): CONSENT_PROOF_PENDING until the sealer has sealed it.
 */
@Injectable()
export class GetConsentProofUseCase {
  constructor(
    private readonly consents: ConsentStore,
    private readonly events: ConsentEventStore,
    private readonly log: TransparencyLog,
  ) {}

  async execute(ctx: RequestContext, consentId: string, eventId?: string): Promise<InclusionProofView & { eventId: string }> {
    const row = await loadOwnConsent(this.consents, ctx, consentId);
    const all = await this.events.listOf(ctx, row.id);
    const event = eventId === undefined ? all[all.length - 1] : all.find((candidate) => candidate.id === eventId);
    if (event === undefined) throw new ConsentNotFoundError(consentId);
    const proof = await this.log.inclusionProof(ctx, event.leafId);
    if (proof === null) throw new ConsentProofPendingError();
    return { eventId: event.id, ...proof };
  }
}
