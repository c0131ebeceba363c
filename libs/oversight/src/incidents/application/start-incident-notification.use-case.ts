import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext } from '@infobank/platform';
import { decideIncidentStep } from '../domain/incident';
import { IncidentStore } from '../infrastructure/incident.store';
import { IncidentNotFoundError, IncidentStateConflictError } from '../incidents.errors';
import { NOTIFY_INCIDENT_PAGE_JOB } from '../incidents.jobs';
import { requireIncidentHandler, stepActor } from './incident-access';
import { incidentView, type IncidentView } from './incident-view';

/**
 * Starts telling an incident's affected individuals (`open → notifying`): the worker writes each one portal
 * notification, a page at a time. Asking again while it is notifying or once notified changes nothing.
 */
@Injectable()
export class StartIncidentNotificationUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext, id: string): Promise<IncidentView> {
    const actor = requireIncidentHandler(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const incident = await store.lock(id);
      if (incident === null) throw new IncidentNotFoundError();
      if (incident.state === 'open') {
        const decision = decideIncidentStep(incident.state, 'notify', incident.affectedIndividuals);
        if (decision.outcome === 'rejected') throw new IncidentStateConflictError(decision.reason);
        const now = tx.now();
        await store.insertStep({ id: randomUUID(), incidentId: id, state: decision.next, at: now, ...stepActor(actor) });
        await store.update(id, { state: decision.next, updatedAt: now });
        await enqueueJob(tx, NOTIFY_INCIDENT_PAGE_JOB, { incidentId: id });
      } else if (incident.state === 'closed') {
        throw new IncidentStateConflictError('This incident is closed.');
      }
      const row = await store.byId(id);
      return incidentView(row!, await store.steps(id), await store.notifiedCount(id));
    });
  }
}
