import { Injectable } from '@nestjs/common';
import { decodeRowCursor, encodeRowCursor, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { IncidentStore } from '../infrastructure/incident.store';
import { IncidentNotFoundError } from '../incidents.errors';
import { requireIncidentHandler } from './incident-access';
import { exposedItems, incidentView, type IncidentView } from './incident-view';
import type { ExposedItem } from '../domain/incident-texts';

/** Most incidents one list returns. */
export const MAX_LISTED_INCIDENTS = 200;

/** Most affected individuals one page returns. */
export const MAX_AFFECTED_PAGE = 500;

/** An affected individual as the board sees it: this row's id and the pseudonymous ids only. */
export interface AffectedIndividualView {
  id: string;
  subjectIds: string[];
  items: ExposedItem[];
  records: number;
  consentIds: string[];
  provisionIds: string[];
  notifiedAt: string | null;
}

/** The newest incidents, newest first. */
@Injectable()
export class ListIncidentsUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext): Promise<IncidentView[]> {
    requireIncidentHandler(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const rows = await store.newest(MAX_LISTED_INCIDENTS);
      // One after the other: the store's queries share the transaction's one connection (pg queues concurrent
      // calls on a client, deprecated since pg 8 and an error in pg 9).
      const views: IncidentView[] = [];
      for (const row of rows) views.push(incidentView(row, await store.steps(row.id), await store.notifiedCount(row.id)));
      return views;
    });
  }
}

/** One incident with its steps. */
@Injectable()
export class GetIncidentUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext, id: string): Promise<IncidentView> {
    requireIncidentHandler(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      const row = await store.byId(id);
      if (row === null) throw new IncidentNotFoundError();
      return incidentView(row, await store.steps(id), await store.notifiedCount(id));
    });
  }
}

/** A page of an incident's affected individuals, each under this row's id and its pseudonymous ids. */
@Injectable()
export class ListIncidentAffectedUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(
    ctx: RequestContext,
    id: string,
    query: { cursor?: string; limit?: number },
  ): Promise<{ affected: AffectedIndividualView[]; nextCursor: string | null }> {
    requireIncidentHandler(ctx);
    const after = query.cursor === undefined ? null : decodeRowCursor(query.cursor);
    if (after === null && query.cursor !== undefined)
      throw new ValidationFailedError([{ path: '/cursor', message: 'must be a cursor from a previous page' }]);
    const limit = query.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AFFECTED_PAGE) {
      throw new ValidationFailedError([{ path: '/limit', message: `must be a whole number from 1 to ${MAX_AFFECTED_PAGE}` }]);
    }
    return this.transactions.run(ctx, async (tx) => {
      const store = new IncidentStore(tx.transaction);
      if ((await store.byId(id)) === null) throw new IncidentNotFoundError();
      const rows = await store.affectedForBoard(id, after, limit + 1);
      const page = rows.slice(0, limit);
      return {
        affected: page.map((row) => ({
          id: row.id,
          subjectIds: row.subjectIds,
          items: exposedItems(row.items),
          records: row.records,
          consentIds: row.consentIds,
          provisionIds: row.provisionIds,
          notifiedAt: row.notifiedAt === null ? null : new Date(row.notifiedAt).toISOString(),
        })),
        nextCursor: rows.length > limit ? encodeRowCursor(page[page.length - 1].id) : null,
      };
    });
  }
}
