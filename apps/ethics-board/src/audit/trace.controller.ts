import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { MAX_TRACED_IDS, TraceSubjectsUseCase, type TraceResult } from '@infobank/oversight';
import type { RequestContext } from '@infobank/platform';
import { IsArray, IsIn, IsOptional, IsString } from 'class-validator';

/** `POST /v1/audit/trace`: pseudonymous subject ids, or a leaked file's text (a decrypted package, JSON or CSV). */
export class TraceRequestDto {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_TRACED_IDS, description: 'pseudonymous subject ids (43-character base64url)' })
  @IsOptional()
  @IsArray()
  subjectIds?: string[];

  @ApiPropertyOptional({ description: "a leaked file's content: a decrypted package's JSON, any JSON or CSV holding subject ids" })
  @IsOptional()
  @IsString()
  file?: string;

  @ApiPropertyOptional({ enum: ['utf8', 'base64'], default: 'utf8' })
  @IsOptional()
  @IsIn(['utf8', 'base64'])
  fileEncoding?: 'utf8' | 'base64';
}

/** A recipient's name as it was registered. */
class TraceNameDto {
  @ApiProperty()
  ja: string;

  @ApiPropertyOptional()
  en?: string;
}

/** A recipient in a trace's answer. */
class TraceRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: TraceNameDto })
  name: TraceNameDto;
}

/** Where one pseudonymous id was sent. */
class TracedProvisionDto {
  @ApiProperty({ type: TraceRecipientDto })
  recipient: TraceRecipientDto;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ format: 'uuid' })
  transferId: string;

  @ApiProperty()
  part: number;

  @ApiProperty({ format: 'date-time' })
  providedAt: string;
}

/** One id's answer. */
class TracedSubjectDto {
  @ApiProperty()
  subjectId: string;

  @ApiProperty({ enum: ['found', 'unknown'], description: 'unknown: another bank’s id, or a forged or random one' })
  status: string;

  @ApiPropertyOptional({ type: [TracedProvisionDto], description: 'When found' })
  provisions?: TracedProvisionDto[];
}

/** How many ids one recipient received. */
class TraceRecipientCountDto extends TraceRecipientDto {
  @ApiProperty()
  ids: number;
}

/** How many ids were found and unknown, by recipient. */
class TraceSummaryDto {
  @ApiProperty()
  ids: number;

  @ApiProperty()
  found: number;

  @ApiProperty()
  unknown: number;

  @ApiProperty({ type: [TraceRecipientCountDto] })
  recipients: TraceRecipientCountDto[];
}

/** `POST /v1/audit/trace`: each id, and a summary. */
class TraceResultDto {
  @ApiProperty({ type: [TracedSubjectDto] })
  subjects: TracedSubjectDto[];

  @ApiProperty({ type: TraceSummaryDto })
  summary: TraceSummaryDto;
}

/** Leak tracing: a leaked file names the recipient it came from, because each recipient's ids are its own. */
@ApiTags('audit')
@Controller('v1/audit/trace')
@UseGuards(BoardMemberAuthGuard)
export class TraceController {
  constructor(private readonly trace: TraceSubjectsUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'For each pseudonymous id (given, or found in a leaked file): recipient, transfer, part and when; or "unknown"',
  })
  @ApiOkResponse({ type: TraceResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: neither or both of subjectIds and file, or a file with no id' })
  run(@CurrentRequestContext() ctx: RequestContext, @Body() body: TraceRequestDto): Promise<TraceResult> {
    return this.trace.execute(ctx, body);
  }
}
