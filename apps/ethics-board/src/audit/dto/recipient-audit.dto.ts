import { ApiProperty } from '@nestjs/swagger';
import { OrganisationNameDto } from '../../attestations/dto/attestation-overview.dto';

class RecipientProfileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OrganisationNameDto })
  name: OrganisationNameDto;

  @ApiProperty({ enum: ['active', 'suspended'] })
  status: string;
}

class VoteCountsDto {
  @ApiProperty()
  approve: number;

  @ApiProperty()
  reject: number;

  @ApiProperty()
  requestChanges: number;
}

class RecipientReviewDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: ['open', 'decided'] })
  status: string;

  @ApiProperty({ type: String, nullable: true, enum: ['approved', 'rejected', 'changes_requested'] })
  outcome: string | null;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: VoteCountsDto })
  votes: VoteCountsDto;
}

class RecipientOfferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  status: string;

  @ApiProperty()
  purposeCode: string;

  @ApiProperty({ type: [String] })
  categories: string[];

  @ApiProperty({ format: 'date-time' })
  validUntil: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  submittedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [RecipientReviewDto] })
  reviews: RecipientReviewDto[];
}

class MonthlyProvisionsDto {
  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty()
  provisions: number;

  @ApiProperty()
  subjects: number;

  @ApiProperty()
  records: number;
}

class MonthlyRevocationsDto {
  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty()
  revoked: number;

  @ApiProperty()
  expired: number;
}

class NoticeStateCountsDto {
  @ApiProperty()
  open: number;

  @ApiProperty()
  attested: number;

  @ApiProperty()
  overdue: number;
}

class RecipientOverdueNoticeDto {
  @ApiProperty({ format: 'uuid' })
  noticeId: string;

  @ApiProperty()
  kind: string;

  @ApiProperty()
  subjects: number;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  overdueAt: string | null;
}

class RecipientNoticesDto {
  @ApiProperty({ type: NoticeStateCountsDto })
  counts: NoticeStateCountsDto;

  @ApiProperty({ type: Number, nullable: true })
  medianSecondsToAttest: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p95SecondsToAttest: number | null;

  @ApiProperty({ type: [RecipientOverdueNoticeDto] })
  overdue: RecipientOverdueNoticeDto[];
}

class OrderTargetDto {
  @ApiProperty({ enum: ['recipient', 'offer', 'category'] })
  type: string;

  @ApiProperty()
  id: string;
}

class RecipientStopUseOrderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OrderTargetDto })
  target: OrderTargetDto;

  @ApiProperty({ enum: ['proposed', 'effective', 'lifted'] })
  status: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  liftedAt: string | null;
}

class NotYetAvailableDto {
  @ApiProperty({ enum: [false] })
  available: false;

  @ApiProperty()
  reason: string;
}

/** The board's page on one recipient. */
export class RecipientAuditDto {
  @ApiProperty({ type: RecipientProfileDto })
  recipient: RecipientProfileDto;

  @ApiProperty({ type: [RecipientOfferDto] })
  offers: RecipientOfferDto[];

  @ApiProperty({ type: [MonthlyProvisionsDto] })
  provisionsByMonth: MonthlyProvisionsDto[];

  @ApiProperty({ type: [MonthlyRevocationsDto], description: 'consents to its offers that ended, per month of ending (UTC)' })
  revocationsByMonth: MonthlyRevocationsDto[];

  @ApiProperty({ type: RecipientNoticesDto })
  notices: RecipientNoticesDto;

  @ApiProperty({ type: [RecipientStopUseOrderDto] })
  stopUseOrders: RecipientStopUseOrderDto[];

  @ApiProperty({ type: NotYetAvailableDto, description: 'complaints are not built yet: absent, not zero' })
  complaints: NotYetAvailableDto;
}
