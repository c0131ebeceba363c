import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationProfile } from '@infobank/catalog';
import { GetOfferForReviewUseCase, OfferNotFoundError, type OfferSnapshot, type OfferStatus } from '@infobank/offers';
import { type RequestContext, requireBoardMember } from '@infobank/platform';
import { Brackets, DataSource, Not } from 'typeorm';
import { loadReviewCase } from '../infrastructure/review-case.repository';
import { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { StopUseOrderEntity } from '../infrastructure/stop-use-order.entity';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import { withVoteCounts } from './list-review-cases.use-case';
import { toReviewCaseView, type ReviewCaseSummary, type ReviewCaseView } from './review-case-view';
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
    private readonly dataSource: DataSource,
    private readonly getOffer: GetOfferForReviewUseCase,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, caseId: string): Promise<ReviewCaseDetail> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    const manager = this.dataSource.manager;
    const { row, state } = await loadReviewCase(manager, caseId);
    const offer = row.offerSnapshot;
    const [current, profiles, pastRows] = await Promise.all([
      this.getOffer.execute(ctx, row.offerId).catch((error: unknown) => {
        if (error instanceof OfferNotFoundError) return null;
        throw error;
      }),
      this.organisations.findProfiles([row.recipientId], manager),
      manager.find(ReviewCaseEntity, {
        where: { recipientId: row.recipientId, id: Not(row.id) },
        order: { openedAt: 'DESC', id: 'ASC' },
        take: MAX_HISTORY,
      }),
    ]);
    const offerIds = [...new Set([row.offerId, ...pastRows.map((past) => past.offerId)])];
    const categories = [...new Set(offer.items.map((item) => item.categoryId))];
    const orders = await manager
      .createQueryBuilder(StopUseOrderEntity, 'o')
      .where(
        new Brackets((where) =>
          where
            .where(`o.targetType = 'recipient' AND o.targetId = :recipientId`, { recipientId: row.recipientId })
            .orWhere(`o.targetType = 'offer' AND o.targetId IN (:...offerIds)`, { offerIds })
            .orWhere(categories.length === 0 ? 'false' : `o.targetType = 'category' AND o.targetId IN (:...categories)`, { categories }),
        ),
      )
      .orderBy('o.proposedAt', 'DESC')
      .take(MAX_HISTORY)
      .getMany();
    return {
      case: toReviewCaseView(row, state, row.decisionJws),
      offer,
      offerStatus: current?.status ?? null,
      recipient: profiles.get(row.recipientId) ?? null,
      pastCases: await withVoteCounts(manager, pastRows),
      orders: orders.map(toStopUseOrderView),
      openNotices: [],
    };
  }
}
