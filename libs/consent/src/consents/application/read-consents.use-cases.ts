import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { TransparencyLog, type InclusionProofView } from '@infobank/transparency-log';
import { DataSource, type EntityManager } from 'typeorm';
import { ConsentNotFoundError, ConsentProofPendingError } from '../../consent.errors';
import { ConsentEventEntity } from '../infrastructure/consent-event.entity';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { consentView, eventView, type ConsentDetail, type ConsentEventView, type ConsentView } from './consent-view';

/** Most consents one listing returns. */
export const MAX_LISTED_CONSENTS = 500;

async function loadOwnConsent(manager: EntityManager, ctx: RequestContext, consentId: string): Promise<ConsentEntity> {
  const row =
    ctx.actor.type === 'individual' && isUuid(consentId) ? await manager.findOne(ConsentEntity, { where: { id: consentId } }) : null;
  // Someone else's consent reads exactly like one that does not exist.
  if (row === null || ctx.actor.type !== 'individual' || row.individualId !== ctx.actor.id)
    throw new ConsentNotFoundError(String(consentId));
  return row;
}

function events(manager: EntityManager, consentId: string): Promise<ConsentEventEntity[]> {
  return manager.find(ConsentEventEntity, { where: { consentId }, order: { version: 'ASC' } });
}

/** The consents of one individual, newest first: the caller's own, or (for the worker) the individual named. */
@Injectable()
export class ListConsentsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, query: { individualId?: string } = {}): Promise<ConsentView[]> {
    const individualId = ctx.actor.type === 'individual' ? ctx.actor.id : ctx.actor.type === 'system' ? query.individualId : undefined;
    if (individualId === undefined || !isUuid(individualId)) return [];
    const rows = await (ctx.transaction ?? this.dataSource.manager).find(ConsentEntity, {
      where: { individualId },
      order: { grantedAt: 'DESC', id: 'ASC' },
      take: MAX_LISTED_CONSENTS,
    });
    return rows.map(consentView);
  }
}

/** One of my consents with its events and receipts. */
@Injectable()
export class GetOwnConsentUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentDetail> {
    const manager = this.dataSource.manager;
    const row = await loadOwnConsent(manager, ctx, consentId);
    return { ...consentView(row), events: (await events(manager, row.id)).map(eventView) };
  }
}

/** The receipts of one of my consents, oldest first (each chains to the previous one's hash). */
@Injectable()
export class ListConsentReceiptsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, consentId: string): Promise<ConsentEventView[]> {
    const manager = this.dataSource.manager;
    const row = await loadOwnConsent(manager, ctx, consentId);
    return (await events(manager, row.id)).map(eventView);
  }
}

/**
 * The transparency log inclusion proof of one event of my consent (the latest when `eventId` is not
 * given): CONSENT_PROOF_PENDING until the sealer has sealed it.
 */
@Injectable()
export class GetConsentProofUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: TransparencyLog,
  ) {}

  async execute(ctx: RequestContext, consentId: string, eventId?: string): Promise<InclusionProofView & { eventId: string }> {
    const manager = this.dataSource.manager;
    const row = await loadOwnConsent(manager, ctx, consentId);
    const all = await events(manager, row.id);
    const event = eventId === undefined ? all[all.length - 1] : all.find((candidate) => candidate.id === eventId);
    if (event === undefined) throw new ConsentNotFoundError(consentId);
    const proof = await this.log.inclusionProof(ctx, event.leafId);
    if (proof === null) throw new ConsentProofPendingError();
    return { eventId: event.id, ...proof };
  }
}
