import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { findDataCategory, OrganisationDirectory } from '@infobank/catalog';
import { Transactions, ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { parseOpenIncident, type OpenIncidentCommand, type OpenIncidentInput } from '../domain/incident';
import { IncidentImpactQueries } from '../infrastructure/incident-impact.queries';
import { IncidentStore } from '../infrastructure/incident.store';
import { requireIncidentHandler, stepActor } from './incident-access';
import { incidentView, type IncidentView } from './incident-view';

/**
 * Opens an incident and computes, in the same transaction, whom it affected: from the provision records for a
 * recipient breach, from the vault for a provider or bank breach. Nobody is told yet: that is the next step.
 */
@Injectable()
export class OpenIncidentUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, input: OpenIncidentInput): Promise<IncidentView> {
    const actor = requireIncidentHandler(ctx);
    const { command, problems } = parseOpenIncident(input);
    if (command === null) throw new ValidationFailedError(problems);
    const unknown = [...(await this.organisationProblems(ctx, command)), ...categoryProblems(command.categories)];
    if (unknown.length > 0) throw new ValidationFailedError(unknown);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const now = tx.now();
      const id = randomUUID();
      await store.insert({
        id,
        kind: command.kind,
        recipientId: command.recipientId,
        providerId: command.providerId,
        categories: command.categories,
        windowFrom: new Date(command.from),
        windowTo: new Date(command.to),
        description: command.description,
        measures: command.measures,
        state: 'open',
        affectedIndividuals: 0,
        affectedRecords: 0,
        items: [],
        stopUseOrderId: null,
        openedAt: now,
        updatedAt: now,
      });
      await store.insertStep({ id: randomUUID(), incidentId: id, state: 'open', at: now, ...stepActor(actor) });
      const impact = new IncidentImpactQueries(tx.transaction);
      const scope = {
        incidentId: id,
        organisationId: command.recipientId ?? command.providerId,
        categories: command.categories,
        from: command.from,
        to: command.to,
      };
      if (command.kind === 'recipient_breach') await impact.recordRecipientImpact(scope);
      else await impact.recordVaultImpact(scope);
      const totals = await store.totals(id);
      await store.update(id, { affectedIndividuals: totals.individuals, affectedRecords: totals.records, items: totals.items });
      const row = await store.byId(id);
      return incidentView(row!, await store.steps(id), 0);
    });
  }

  private async organisationProblems(ctx: RequestContext, command: OpenIncidentCommand): Promise<FieldProblem[]> {
    const wanted =
      command.recipientId !== null
        ? { id: command.recipientId, role: 'recipient' as const, path: '/recipientId' }
        : command.providerId !== null
          ? { id: command.providerId, role: 'provider' as const, path: '/providerId' }
          : null;
    if (wanted === null) return [];
    const profile = (await this.organisations.findProfiles(ctx, [wanted.id])).get(wanted.id);
    return profile?.roles.includes(wanted.role) ? [] : [{ path: wanted.path, message: `names no ${wanted.role} organisation` }];
  }
}

function categoryProblems(categories: readonly string[]): FieldProblem[] {
  return categories.flatMap((code, index) =>
    findDataCategory(code) === undefined ? [{ path: `/categories/${index}`, message: 'names no data category in the catalog' }] : [],
  );
}
