import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { requireIndividual, Transactions, type RequestContext } from '@infobank/platform';
import type { IncidentKind, IncidentState } from '../domain/incident';
import type { BilingualText, ExposedItem } from '../domain/incident-texts';
import { IncidentStore } from '../infrastructure/incident.store';
import { exposedItems } from './incident-view';

/** Most incidents an individual's list returns. */
export const MAX_MY_INCIDENTS = 100;

/** An incident as the individual it affected sees it: where, when, what of theirs, and the provisions it concerns. */
export interface MyIncidentView {
  id: string;
  kind: IncidentKind;
  state: IncidentState;
  organisation: { id: string; name: BilingualText } | null;
  from: string;
  to: string;
  items: ExposedItem[];
  records: number;
  /** The ids of the individual's own provisions (提供履歴) it concerns; empty for provider and bank breaches. */
  provisionIds: string[];
  notifiedAt: string;
}

/** The incidents that affected the signed-in individual and that they have been told about, newest first. */
@Injectable()
export class ListMyIncidentsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext): Promise<MyIncidentView[]> {
    const individualId = requireIndividual(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const rows = await new IncidentStore(tx.transaction).ofIndividual(individualId, MAX_MY_INCIDENTS);
      const organisationIds = rows
        .map(({ incident }) => incident.recipientId ?? incident.providerId)
        .filter((id): id is string => id !== null);
      const profiles = await this.organisations.findProfiles(tx, organisationIds);
      return rows.map(({ incident, affected }) => {
        const organisationId = incident.recipientId ?? incident.providerId;
        const name = organisationId === null ? undefined : profiles.get(organisationId)?.name;
        return {
          id: incident.id,
          kind: incident.kind,
          state: incident.state,
          organisation:
            organisationId === null ? null : { id: organisationId, name: { ja: name?.ja ?? '', en: name?.en ?? name?.ja ?? '' } },
          from: incident.windowFrom.toISOString(),
          to: incident.windowTo.toISOString(),
          items: exposedItems(affected.items),
          records: affected.records,
          provisionIds: affected.provisionIds,
          notifiedAt: new Date(affected.notifiedAt!).toISOString(),
        };
      });
    });
  }
}
