import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext, requireIndividual } from '@infobank/platform';
import type { BenefitEntryView, MyBenefits } from '../domain/benefit';
import { encodeBenefitCursor, parseBenefitPage } from '../domain/benefit-page';
import { BenefitEntryStore, type BenefitEntryRow } from '../infrastructure/benefit-entry.store';

/** A page request as it arrives from a query string (or from code). */
export interface GetMyBenefitsQuery {
  cursor?: string;
  limit?: string | number;
}

/**
 * The signed-in individual's benefits (便益): the balance over every entry they hold and one page of
 * entries, newest first. Every query is bound to the caller's id: another individual's cursor finds
 * nothing of theirs.
 */
@Injectable()
export class GetMyBenefitsUseCase {
  constructor(private readonly entries: BenefitEntryStore) {}

  async execute(ctx: RequestContext, query: GetMyBenefitsQuery = {}): Promise<MyBenefits> {
    const individualId = requireIndividual(ctx, { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual reads their benefits.' });
    const { cursor, limit, problems } = parseBenefitPage(query);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
    // One after the other: the context may carry the caller's transaction, a single connection.
    const balance = await this.entries.balanceOf(ctx, individualId);
    const rows = await this.entries.pageOf(ctx, individualId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      balance,
      entries: page.map(entryView),
      nextCursor: rows.length > limit ? encodeBenefitCursor({ creditedAt: last.position, id: last.id }) : null,
    };
  }
}

function entryView(row: BenefitEntryRow): BenefitEntryView {
  return {
    id: row.id,
    provisionId: row.provision_id,
    offerId: row.offer_id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    purpose: row.purpose_text,
    type: row.type,
    amount: row.amount,
    description: row.description,
    creditedAt: new Date(row.credited_at).toISOString(),
  };
}
