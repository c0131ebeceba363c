import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationProfile } from '@infobank/catalog';
import { GetOfferForReviewUseCase, OfferNotFoundError, type OfferSnapshot, type OfferStatus } from '@infobank/offers';
import type { RequestContext } from '@infobank/platform';
import { ReviewCaseStore } from '../infrastructure/review-case.store';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import { toReviewCaseSummary, toReviewCaseView, type ReviewCaseSummary, type ReviewCaseView } from './review-case-view';
import { requireBoardMember } from '@infobank/platform';
import { toStopUseOrderView, type StopUseOrderView } from './stop-use-order-view';

/** Most past cases and orders one case shows. */
const MAX_HISTORY = 50;

/** Everything a member needs to review a case. */
export interface ReviewCaseDetail {
  case: ReviewCaseView;
  /** The offer as submitted for this round (what the board reviews). */
  offer: OfferSnapshot;
  /** The offer's status now (it moves on after the decision); null if it no longer exists. */
  offerStatus: OfferStatus | null;
  /** The recipient as registered with the bank; null if the organisation no longer exists. */
  recipient: OrganisationProfile | null;
  /** The recipient's other cases, newest first. */
  pastCases: ReviewCaseSummary[];
  /** Stop-use orders on the recipient, its reviewed offers, or a category this offer asks for. */
  orders: StopUseOrderView[];
  /** Open notices to the recipient (revocations, data-life ends…); none exist yet. */
  openNotices: never[];
}

/** A case with the offer under review, the recipient's profile, its track record and the orders on it. */
@Injectable()
export class GetReviewCaseUseCase {
  constructor(
    private readonly cases: ReviewCaseStore,
    private readonly orders: StopUseOrderStore,
    private readonly getOffer: GetOfferForReviewUseCase,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, caseId: string): Promise<ReviewCaseDetail> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    const { row, state } = await this.cases.load(ctx, caseId);
    const offer = row.offerSnapshot;
    const [current, profiles, pastRows] = await Promise.all([
      this.getOffer.execute(ctx, row.offerId).catch((error: unknown) => {
        if (error instanceof OfferNotFoundError) return null;
        throw error;
      }),
      this.organisations.findProfiles(ctx, [row.recipientId]),
      this.cases.othersOfRecipient(ctx, row.recipientId, row.id, MAX_HISTORY),
    ]);
    const offerIds = [...new Set([row.offerId, ...pastRows.map((past) => past.offerId)])];
    const categories = [...new Set(offer.items.map((item) => item.categoryId))];
    const orders = await this.orders.concerning(ctx, { recipientId: row.recipientId, offerIds, categories }, MAX_HISTORY);
    return {
      case: toReviewCaseView(row, state, row.decisionJws),
      offer,
      offerStatus: current?.status ?? null,
      recipient: profiles.get(row.recipientId) ?? null,
      pastCases: pastRows.map(toReviewCaseSummary),
      orders: orders.map(toStopUseOrderView),
      openNotices: [],
    };
  }
}
