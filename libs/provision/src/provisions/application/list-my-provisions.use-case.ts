import { Injectable } from '@nestjs/common';
import type { PendingAccountCheck } from '@infobank/auth';
import { findDataItem, type LocalisedText } from '@infobank/catalog';
import { ReplicaReads, type RequestContext, requireIndividual, ValidationFailedError } from '@infobank/platform';
import { parseProvisionHistoryQuery, type ProvisionHistoryQueryInput } from '../domain/provision-history-query';
import { ProvisionHistoryQueries, type ProvisionRow } from '../infrastructure/provision-history.queries';
import type { LocalisedName, ProvisionBenefit } from '../infrastructure/provision-record.entity';
import { ProvisionCursors } from './provision-cursors';

/** One provision (提供記録) as the individual reads it: who received which items of their data, when, under which consent. */
export interface MyProvisionView {
  id: string;
  recipient: { id: string; name: LocalisedName };
  offer: { id: string; purposeCode: string; purpose: LocalisedName };
  items: string[];
  itemLabels: { itemId: string; label: LocalisedText }[];
  /** How many of the individual's records went out. */
  records: number;
  providedAt: string;
  consent: { id: string; version: number };
  benefit: { type: ProvisionBenefit['type']; amount: number | null; description: LocalisedName };
  /** When the recipient must have deleted the data (provided at + the offer's data life). */
  dataLifeEndsAt: string;
}

/** A page of the individual's provisions, newest first, and the cursor of the next page (null at the end). */
export interface MyProvisionsPage {
  provisions: MyProvisionView[];
  nextCursor: string | null;
}

/**
 * The signed-in individual's provision history (提供履歴), newest first, optionally of one recipient,
 * one offer and/or a window of time. Every statement is bound to the caller's id first, so another
 * individual's cursor, recipient or offer finds nothing of theirs.
 */
@Injectable()
export class ListMyProvisionsUseCase {
  constructor(
    private readonly history: ProvisionHistoryQueries,
    private readonly reads: ReplicaReads,
    private readonly cursors: ProvisionCursors,
  ) {}

  /**
   * One statement a page (the cursor's position is read inside it): no count, no per-row query. `accountCheck`, the
   * guard's check left to this read, rides in that statement when it runs on the primary (a replica may lag an
   * account's closing; the check is then made on its own, see AccountCheckedByRead).
   */
  async execute(
    ctx: RequestContext,
    input: ProvisionHistoryQueryInput = {},
    accountCheck?: PendingAccountCheck,
  ): Promise<MyProvisionsPage> {
    const individualId = requireIndividual(ctx, {
      code: 'UNAUTHENTICATED',
      detail: 'Only a signed-in individual reads their provision history.',
    });
    const { query, problems } = parseProvisionHistoryQuery(input, (text) => this.cursors.read(individualId, text));
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    // ReplicaReads hands `ctx` itself to a read on the primary.
    const rows = await this.reads.run(ctx, (read) =>
      this.history.pageOf(read, individualId, query, read === ctx ? accountCheck : undefined),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      provisions: page.map(provisionView),
      nextCursor: rows.length > query.limit ? this.cursors.issue(individualId, { id: last.id, providedAt: last.provided_at }) : null,
    };
  }
}

function provisionView(row: ProvisionRow): MyProvisionView {
  return {
    id: row.id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    offer: { id: row.offer_id, purposeCode: row.purpose_code, purpose: row.purpose_text },
    items: row.items,
    itemLabels: row.items.map((itemId) => ({ itemId, label: findDataItem(itemId)?.label ?? { ja: itemId, en: itemId } })),
    records: Number(row.records),
    providedAt: `${row.provided_at.slice(0, 23)}Z`,
    consent: { id: row.consent_id, version: row.consent_version },
    benefit: { type: row.benefit.type, amount: row.benefit.amount ?? null, description: row.benefit.description },
    dataLifeEndsAt: row.data_life_ends_at,
  };
}
