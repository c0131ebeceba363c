import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { decideIncidentStep, MAX_INCIDENT_TEXT } from '../domain/incident';
import { IncidentStore } from '../infrastructure/incident.store';
import { IncidentNotFoundError, IncidentStateConflictError } from '../incidents.errors';
import { requireIncidentHandler, stepActor } from './incident-access';
import { incidentView, type IncidentView } from './incident-view';

/** Closes an incident once everyone it affected was told, recording the measures against recurrence when given. */
@Injectable()
export class CloseIncidentUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext, id: string, command: { measures?: unknown }): Promise<IncidentView> {
    const actor = requireIncidentHandler(ctx);
    const measures = command?.measures;
    if (measures !== undefined && (typeof measures !== 'string' || measures.trim().length === 0 || measures.length > MAX_INCIDENT_TEXT)) {
      throw new ValidationFailedError([{ path: '/measures', message: `must be text of 1 to ${MAX_INCIDENT_TEXT} characters` }]);
    }
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const incident = await store.lock(id);
      if (incident === null) throw new IncidentNotFoundError();
      const decision = decideIncidentStep(incident.state, 'close', incident.affectedIndividuals);
      if (decision.outcome === 'rejected') throw new IncidentStateConflictError(decision.reason);
      const now = tx.now();
      await store.insertStep({ id: randomUUID(), incidentId: id, state: decision.next, at: now, ...stepActor(actor) });
      await store.update(id, {
        state: decision.next,
        updatedAt: now,
        ...(typeof measures === 'string' ? { measures: measures.trim() } : {}),
      });
      const row = await store.byId(id);
      return incidentView(row!, await store.steps(id), await store.notifiedCount(id));
    });
  }
}
