import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_REQUESTED_SUBJECTS, TRANSFER_STATUSES, type PartStatus, type SubjectStatus, type TransferStatus } from '@infobank/provision';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';

const SUBJECT_STATUSES: SubjectStatus[] = ['pending', 'awaiting_approval', 'ready', 'delivered', 'denied', 'expired'];
const PART_STATUSES: PartStatus[] = ['ready', 'delivered', 'stale', 'void', 'expired'];

/** `POST /v1/transfers`: which offer, and optionally which subjects (pseudonymous ids); none means everyone who consented. */
export class RequestTransferDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  offerId: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_REQUESTED_SUBJECTS, description: 'pseudonymous subject ids from earlier packages' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REQUESTED_SUBJECTS)
  subjects?: string[];
}

/** `GET /v1/transfers?offerId=&cursor=`. */
export class ListTransfersQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  offerId?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

/** The answer to a transfer request. */
export class TransferAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  transferId: string;
}

/** A transfer in a list. */
export class TransferSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ enum: TRANSFER_STATUSES })
  status: TransferStatus;

  @ApiProperty({ description: 'parts built so far' })
  parts: number;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readyAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;
}

/** A page of transfers. */
export class TransferListDto {
  @ApiProperty({ type: [TransferSummaryDto] })
  transfers: TransferSummaryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

/** One part of a transfer. */
export class TransferPartDto {
  @ApiProperty()
  part: number;

  @ApiProperty({ enum: PART_STATUSES })
  status: PartStatus;

  @ApiProperty()
  subjects: number;

  @ApiProperty({ format: 'date-time' })
  builtAt: string;

  @ApiProperty({ format: 'date-time', description: 'after this the part is deleted' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;
}

/** One subject of a transfer, by its pseudonymous id. */
export class TransferSubjectDto {
  @ApiProperty({ description: 'pseudonymous subject id (yours only)' })
  subject: string;

  @ApiProperty({ enum: SUBJECT_STATUSES })
  status: SubjectStatus;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'why denied: no_consent, paused, revoked, expired, offer_suspended, offer_not_approved, frequency_exceeded, out_of_range, no_records, approval_denied, approval_expired, erased',
  })
  reason: string | null;

  @ApiProperty({ nullable: true, type: Number })
  part: number | null;
}

/** A transfer with its parts and subjects. */
export class TransferDetailDto extends TransferSummaryDto {
  @ApiProperty({ description: 'subjects per status', example: { ready: 10, awaiting_approval: 1, delivered: 0, denied: 2 } })
  counts: Record<SubjectStatus, number>;

  @ApiProperty({ type: [TransferPartDto] })
  partList: TransferPartDto[];

  @ApiProperty({ type: [TransferSubjectDto] })
  subjects: TransferSubjectDto[];
}
