import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPERTISE, VOTE_DECISIONS, type Expertise, type VoteDecision } from '@infobank/review';

const OUTCOMES = ['approved', 'rejected', 'changes_requested'];
const STRICTER_REASONS = ['sensitive_items', 'profiling', 'cross_border'];

/** A member as their vote or recusal records them (expertise and external flag as they stood then). */
export class MemberRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EXPERTISE })
  expertise: Expertise;

  @ApiProperty()
  external: boolean;
}

/** One member's vote. */
export class VoteDto {
  @ApiProperty({ type: MemberRefDto })
  member: MemberRefDto;

  @ApiProperty({ enum: VOTE_DECISIONS })
  decision: VoteDecision;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  castAt: string;
}

/** One member's recusal. */
export class RecusalRecordDto {
  @ApiProperty({ type: MemberRefDto })
  member: MemberRefDto;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  recusedAt: string;
}

/** A case in a list. */
export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ minimum: 1, description: 'the review round (each submission of the offer opens the next)' })
  round: number;

  @ApiProperty({ enum: ['open', 'decided'] })
  status: 'open' | 'decided';

  @ApiProperty({ enum: OUTCOMES, nullable: true })
  outcome: string | null;

  @ApiProperty({ enum: STRICTER_REASONS, isArray: true, description: 'why the stricter review applies; empty if it does not' })
  stricterReview: string[];

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiPropertyOptional()
  voteCount?: number;
}

/** A case with its votes, recusals and, once decided, the bank's signed decision. */
export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ type: [VoteDto] })
  votes: VoteDto[];

  @ApiProperty({ type: [RecusalRecordDto] })
  recusals: RecusalRecordDto[];

  @ApiProperty({
    nullable: true,
    description:
      'compact JWS (EdDSA, typ review-decision+jws) over the offer as reviewed and every vote; verify with /.well-known/jwks.json',
  })
  decisionJws: string | null;
}

/** A case in the queue, with the recipient's registered name. */
export class ListedCaseDto extends CaseSummaryDto {
  @ApiProperty({ type: Object, nullable: true, description: 'the recipient’s registered name { ja, en? }; null if it no longer exists' })
  recipientName: { ja: string; en?: string } | null;
}

/** `GET /v1/cases`. */
export class CaseListDto {
  @ApiProperty({ type: [ListedCaseDto] })
  cases: ListedCaseDto[];
}

/** `GET /v1/cases/:id`: everything a member needs to review the case. */
export class CaseDetailDto {
  @ApiProperty({ type: CaseDto })
  case: CaseDto;

  @ApiProperty({ type: Object, description: 'the offer as submitted for this round' })
  offer: object;

  @ApiProperty({ nullable: true, description: 'the offer’s status now' })
  offerStatus: string | null;

  @ApiProperty({ type: Object, nullable: true, description: 'the recipient: id, name, corporate number, country, roles, status' })
  recipient: object | null;

  @ApiProperty({ type: [CaseSummaryDto], description: 'the recipient’s other cases, newest first' })
  pastCases: CaseSummaryDto[];

  @ApiProperty({ type: [Object], description: 'stop-use orders on the recipient, its offers, or this offer’s categories' })
  orders: object[];

  @ApiProperty({ type: [Object], description: 'open notices to the recipient (none yet)' })
  openNotices: object[];
}
