import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { enqueueJob, requireBankActor, Transactions, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { NotifyIndividual } from '@infobank/rights';
import { decideIncidentStep } from '../domain/incident';
import { incidentNotificationMessage, type BilingualText } from '../domain/incident-texts';
import type { IncidentEntity } from '../infrastructure/incident.entity';
import { IncidentStore } from '../infrastructure/incident.store';
import { NOTIFY_INCIDENT_PAGE_JOB } from '../incidents.jobs';
import { stepActor } from './incident-access';
import { exposedItems } from './incident-view';

/** Individuals told per page (one job, one transaction). */
export const INCIDENT_NOTIFY_PAGE = 200;

/**
 * Tells the next page of a notifying incident's affected individuals: one portal notification each
 * (`incident_affecting_me`), marked on their row in the same transaction, so a repeated delivery tells no one
 * twice. Enqueues the next page, or after the last marks the incident notified (`notifying → notified`).
 */
@Injectable()
export class NotifyIncidentPageUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly notifications: NotifyIndividual,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(
    ctx: RequestContext,
    incidentId: string,
    options: { enqueueNext: boolean; pageSize?: number },
  ): Promise<{ told: number; done: boolean }> {
    requireBankActor(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const incident = await store.lock(incidentId);
      if (incident === null || incident.state !== 'notifying') return { told: 0, done: true };
      const organisationName = await this.organisationName(tx, incident);
      const page = await store.unnotified(incidentId, options.pageSize ?? INCIDENT_NOTIFY_PAGE);
      const now = tx.now();
      for (const affected of page) {
        const message = incidentNotificationMessage({
          kind: incident.kind,
          organisationName,
          from: incident.windowFrom,
          to: incident.windowTo,
          items: exposedItems(affected.items),
          records: affected.records,
        });
        const notificationId = await this.notifications.notify(tx, {
          individualId: affected.individualId,
          kind: 'incident_affecting_me',
          subject: { type: 'incident', id: incidentId },
          message,
        });
        await store.markNotified(affected.id, notificationId, now);
      }
      if (await store.anyUnnotified(incidentId)) {
        if (options.enqueueNext) await enqueueJob(tx, NOTIFY_INCIDENT_PAGE_JOB, { incidentId });
        return { told: page.length, done: false };
      }
      await this.complete(tx, store, incident, now);
      return { told: page.length, done: true };
    });
  }

  private async complete(tx: TransactionalContext, store: IncidentStore, incident: IncidentEntity, now: Date): Promise<void> {
    const decision = decideIncidentStep(incident.state, 'complete', incident.affectedIndividuals);
    if (decision.outcome === 'rejected') return;
    await store.insertStep({ id: randomUUID(), incidentId: incident.id, state: decision.next, at: now, ...stepActor(tx.actor) });
    await store.update(incident.id, { state: decision.next, updatedAt: now });
  }

  private async organisationName(ctx: RequestContext, incident: IncidentEntity): Promise<BilingualText | null> {
    const id = incident.recipientId ?? incident.providerId;
    if (id === null) return null;
    const name = (await this.organisations.findProfiles(ctx, [id])).get(id)?.name;
    return name === undefined ? null : { ja: name.ja, en: name.en ?? name.ja };
  }
}
