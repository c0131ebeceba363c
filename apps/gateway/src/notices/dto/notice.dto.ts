import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_KINDS, NOTICE_STATUSES, type NoticeKind, type NoticeStatus } from '@infobank/revocation';
import { IsIn, IsOptional, IsString } from 'class-validator';

/** `GET /v1/notices?status=&cursor=`. */
export class ListNoticesQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

/** Why the recipient must delete, in Japanese and English. */
export class NoticeReasonDto {
  @ApiProperty()
  ja: string;

  @ApiProperty()
  en: string;
}

/** A notice: stop using and delete these subjects' data from these transfers, and attest it by dueAt. */
export class NoticeDto {
  @ApiProperty({ format: 'uuid' })
  noticeId: string;

  @ApiProperty({ enum: NOTICE_KINDS })
  kind: NoticeKind;

  @ApiProperty({ type: [String], description: 'pseudonymous subject ids (yours only)' })
  subjects: string[];

  @ApiProperty({ type: [String], description: 'transfer ids the subjects’ data came in' })
  transfers: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  offerId: string | null;

  @ApiProperty({ type: NoticeReasonDto })
  reason: NoticeReasonDto;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ format: 'date-time', description: 'attest deletion by this time, or the notice becomes overdue' })
  dueAt: string;

  @ApiProperty({ enum: NOTICE_STATUSES })
  status: NoticeStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  attestedAt: string | null;
}

/** A page of notices, newest first. */
export class NoticeListDto {
  @ApiProperty({ type: [NoticeDto] })
  notices: NoticeDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
