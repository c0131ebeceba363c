import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { GetDisclosureTimelinessUseCase } from '@infobank/disclosure';
import type { RequestContext } from '@infobank/platform';
import { DisclosureTimelinessDto } from './dto/disclosure-timeliness.dto';

/** The board watches how the bank answers disclosure requests (開示請求): counts and times, no individual. */
@ApiTags('audit')
@Controller('v1/audit/disclosures')
@UseGuards(BoardMemberAuthGuard)
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid board access token' })
@ApiForbiddenResponse({ description: 'NOT_A_BOARD_MEMBER' })
export class DisclosureAuditController {
  constructor(private readonly timeliness: GetDisclosureTimelinessUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Disclosure requests by status, overdue against DISCLOSURE_DUE_DAYS, median and longest time to ready' })
  @ApiOkResponse({ type: DisclosureTimelinessDto })
  get(@CurrentRequestContext() ctx: RequestContext): Promise<DisclosureTimelinessDto> {
    return this.timeliness.execute(ctx);
  }
}
