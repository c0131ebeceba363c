import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
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

/** Leak tracing: a leaked file names the recipient it came from, because each recipient's ids are its own. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/trace')
@UseGuards(BoardMemberAuthGuard)
export class TraceController {
  constructor(private readonly trace: TraceSubjectsUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'For each pseudonymous id (given, or found in a leaked file): recipient, transfer, part and when; or "unknown"',
  })
  @ApiOkResponse({ description: '{ subjects: [{ subjectId, status: found | unknown, provisions? }], summary }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: neither or both of subjectIds and file, or a file with no id' })
  run(@CurrentRequestContext() ctx: RequestContext, @Body() body: TraceRequestDto): Promise<TraceResult> {
    return this.trace.execute(ctx, body);
  }
}
