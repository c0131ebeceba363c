import { Injectable } from '@nestjs/common';
import { isUuid, OrganisationDirectory } from '@infobank/catalog';
import {
  mapRead,
  readPiece,
  readTogether,
  sql,
  Transactions,
  type ReadPiece,
  type RequestContext,
  type SqlPiece,
} from '@infobank/platform';
import type { SummaryLanguage } from '../domain/offer-summary';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferNotFoundError } from '../../offers.errors';
import { catalogueEntries, withSummary, type CatalogueOfferDetail } from './catalogue-view';

/**
 * One catalogue offer with its plain-language summary in the individual's language. An offer
 * individuals may not see (draft, under review, rejected, suspended, withdrawn, expired, or its recipient
 * suspended) reads as not found.
 */
@Injectable()
export class GetCatalogueOfferUseCase {
  constructor(
    private readonly offers: OfferStore,
    private readonly outcomes: OfferReviewOutcomeStore,
    private readonly directory: OrganisationDirectory,
    private readonly transactions: Transactions,
  ) {}

  execute(ctx: RequestContext, query: { offerId: string; language: SummaryLanguage }): Promise<CatalogueOfferDetail> {
    return this.transactions.read(ctx, this.readPiece(query, ctx.now()));
  }

  /**
   * The read of `execute` at `at`, for a context that reads it together with its own checks in one statement: the
   * offer, its recipient's profile (from catalog) and its approval. Reading it back throws OFFER_NOT_FOUND as `execute` does.
   */
  readPiece(query: { offerId: string; language: SummaryLanguage }, at: Date): ReadPiece<CatalogueOfferDetail> {
    const notFound = () => new OfferNotFoundError(String(query.offerId).slice(0, 64));
    // A malformed id names no offer: nothing to look up.
    if (!isUuid(query.offerId)) {
      return readPiece(sql`SELECT NULL`, () => {
        throw notFound();
      });
    }
    const offerIds = sql`ARRAY[${query.offerId}::uuid]`;
    const parts = readTogether({
      offer: this.offers.visiblePiece(query.offerId, at),
      recipients: this.directory.profilesPiece(sql`ARRAY(SELECT "recipient_id" FROM "offers" WHERE "id" = ANY(${offerIds}))`),
      approvals: this.outcomes.approvalsPiece(offerIds),
    });
    return mapRead(parts, ({ offer, recipients, approvals }) => {
      const [entry] = offer === null ? [] : catalogueEntries([offer], recipients, approvals);
      if (entry === undefined) throw notFound();
      return withSummary(entry, query.language === 'en' ? 'en' : 'ja');
    });
  }

  /**
   * For a consent written after this read: a statement piece selecting the offer's id only if individuals may
   * still see it when the write commits (the offer approved and valid, its recipient active), the offer's and the
   * recipient's rows locked FOR SHARE until then (the write inserts nothing when empty).
   */
  stillVisiblePiece(offer: { id: string; recipient: { id: string } }, at: Date): SqlPiece {
    return sql`SELECT "offer"."id" FROM (${this.offers.visibleLockedPiece(offer.id, at)}) AS "offer",
                                       (${this.directory.stillActivePiece(offer.recipient.id)}) AS "recipient"`;
  }
}
