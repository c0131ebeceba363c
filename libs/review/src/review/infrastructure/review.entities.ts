import { BoardMemberEntity } from './board-member.entity';
import { ReviewCaseEntity } from './review-case.entity';
import { ReviewRecusalEntity } from './review-recusal.entity';
import { ReviewVoteEntity } from './review-vote.entity';
import { StopUseOrderOfferEntity } from './stop-use-order-offer.entity';
import { StopUseOrderEntity } from './stop-use-order.entity';

/** The tables libs/review contributes to the application's data source (the migrations must produce exactly these). */
export const REVIEW_ENTITIES = [
  BoardMemberEntity,
  ReviewCaseEntity,
  ReviewVoteEntity,
  ReviewRecusalEntity,
  StopUseOrderEntity,
  StopUseOrderOfferEntity,
];
