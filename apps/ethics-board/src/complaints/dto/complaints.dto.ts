import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_PRIORITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_TEXT_MAX_LENGTH,
  MAX_QUEUE_PAGE,
  type ComplaintCategory,
  type ComplaintPriority,
  type ComplaintQueueQuery,
} from '@infobank/rights';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

// Characters are counted as a person counts them by the use case; this only bounds the UTF-16 length.
const TEXT_UTF16_LIMIT = COMPLAINT_TEXT_MAX_LENGTH * 2;

/** `GET /v1/desk/complaints`: the queue's filters (shape only; the use case checks each value and reports them together). */
export class ComplaintQueueQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  status?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only escalated (true) or not escalated (false) complaints' })
  @IsOptional()
  @IsIn(['true', 'false'])
  escalated?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['first_reply', 'resolution'], description: 'only complaints overdue on this timer' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  overdue?: string;

  @ApiPropertyOptional({ description: `page size, 1 to ${MAX_QUEUE_PAGE} (default 50)` })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;

  /** The use case's query. */
  static toQuery(dto: ComplaintQueueQueryDto): ComplaintQueueQuery {
    return {
      status: dto.status as ComplaintQueueQuery['status'],
      category: dto.category as ComplaintQueueQuery['category'],
      escalated: dto.escalated === undefined ? undefined : dto.escalated === 'true',
      overdue: dto.overdue as ComplaintQueueQuery['overdue'],
      limit: dto.limit === undefined ? undefined : /^\d{1,6}$/.test(dto.limit) ? Number(dto.limit) : Number.NaN,
    };
  }
}

/** A desk member's message: a reply, a request for information, or the closing explanation. */
export class DeskMessageDto {
  @ApiProperty({ description: `1 to ${COMPLAINT_TEXT_MAX_LENGTH} characters; stored encrypted, shown to the individual` })
  @IsString()
  @MaxLength(TEXT_UTF16_LIMIT)
  text: string;
}

/** `POST /v1/desk/complaints/:id/escalation`: an optional note for the board (not shown to the individual). */
export class EscalationDto {
  @ApiPropertyOptional({ description: `a note for the board, 1 to ${COMPLAINT_TEXT_MAX_LENGTH} characters; stored encrypted` })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_UTF16_LIMIT)
  text?: string;
}

/** `POST /v1/desk/complaints/:id/triage`. */
export class TriageDto {
  @ApiProperty({ enum: COMPLAINT_PRIORITIES })
  @IsIn(COMPLAINT_PRIORITIES)
  priority: ComplaintPriority;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES, description: 'the corrected category, when the individual’s choice was wrong' })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;
}
