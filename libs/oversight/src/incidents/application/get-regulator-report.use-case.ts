import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { Transactions, type RequestContext } from '@infobank/platform';
import { regulatorReport } from '../domain/incident-texts';
import { IncidentStore } from '../infrastructure/incident.store';
import { IncidentNotFoundError } from '../incidents.errors';
import { requireIncidentHandler } from './incident-access';
import { exposedItems } from './incident-view';

/**
 * The report of an incident to the Personal Information Protection Commission: number of people, records,
 * items, cause, measures and how individuals were told. Counts and item names only, no personal data.
 */
@Injectable()
export class GetRegulatorReportUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    requireIncidentHandler(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const incident = await store.byId(id);
      if (incident === null) throw new IncidentNotFoundError();
      const steps = await store.steps(id);
      const organisationId = incident.recipientId ?? incident.providerId;
      const profile =
        organisationId === null ? undefined : (await this.organisations.findProfiles(tx, [organisationId])).get(organisationId);
      const at = (state: string) => steps.find((step) => step.state === state)?.at ?? null;
      return regulatorReport({
        incidentId: incident.id,
        kind: incident.kind,
        state: incident.state,
        organisation:
          organisationId === null
            ? null
            : {
                id: organisationId,
                corporateNumber: profile?.corporateNumber ?? null,
                name: profile === undefined ? null : { ja: profile.name.ja, en: profile.name.en ?? profile.name.ja },
              },
        discoveredAt: incident.openedAt,
        from: incident.windowFrom,
        to: incident.windowTo,
        numberOfPeople: incident.affectedIndividuals,
        records: incident.affectedRecords,
        items: exposedItems(incident.items),
        cause: incident.description,
        measures: incident.measures,
        notifiedPeople: await store.notifiedCount(id),
        notificationStartedAt: at('notifying'),
        notificationCompletedAt: at('notified'),
        stopUseOrderId: incident.stopUseOrderId,
        generatedAt: tx.now(),
      });
    });
  }
}
