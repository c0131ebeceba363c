import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_STATUSES, REVIEW_OUTCOMES, type OfferStatus, type ReviewOutcome } from '@infobank/offers';
import { BenefitDto, DataRangeDto, FetchRuleDto, OfferTextDto } from './offer-terms.dto';

/** An offer item with its catalog category and sensitivity. */
export class OfferItemViewDto {
  @ApiProperty({ example: 'purchase.receipts#/lineItems' })
  itemId: string;

  @ApiProperty({ example: 'purchase.receipts' })
  categoryId: string;

  @ApiProperty()
  required: boolean;

  @ApiProperty({ description: '要配慮個人情報: the board reviews it more strictly' })
  sensitive: boolean;
}

/** The board's decision on one review round. */
export class OfferReviewDto {
  @ApiProperty({ example: 1 })
  round: number;

  @ApiProperty({ enum: REVIEW_OUTCOMES })
  outcome: ReviewOutcome;

  @ApiProperty({ type: [String], description: 'the board members’ reasons' })
  reasons: string[];

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

/** A recipient's own offer: its terms, status, review round and the board's decisions. */
export class OfferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ enum: OFFER_STATUSES })
  status: OfferStatus;

  @ApiProperty({ description: '0 until submitted; each submission starts the next review round' })
  round: number;

  @ApiProperty()
  purposeCode: string;

  @ApiProperty({ type: OfferTextDto })
  purposeText: OfferTextDto;

  @ApiProperty({ type: [OfferItemViewDto] })
  items: OfferItemViewDto[];

  @ApiProperty({ type: DataRangeDto })
  dataRange: DataRangeDto;

  @ApiProperty({ type: FetchRuleDto })
  fetch: FetchRuleDto;

  @ApiProperty()
  dataLifeDays: number;

  @ApiProperty({ type: BenefitDto })
  benefit: BenefitDto;

  @ApiProperty({ type: [String] })
  processingCountries: string[];

  @ApiProperty()
  profiling: boolean;

  @ApiProperty({ enum: ['forbidden'], description: 'recipients may never pass the data on (再提供禁止)' })
  onwardTransfer: 'forbidden';

  @ApiProperty()
  termsVersion: string;

  @ApiProperty({ format: 'date-time' })
  validUntil: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  submittedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: [OfferReviewDto], description: 'the board’s decisions, latest round first' })
  reviews: OfferReviewDto[];
}
