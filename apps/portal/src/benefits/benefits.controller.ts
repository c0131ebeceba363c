import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { GetMyBenefitsUseCase } from '@infobank/rights';
import { GetMyBenefitsQueryDto, MyBenefitsDto } from './dto/benefits.dto';

/** My benefits (便益): what I received for each provision of my data, and the total. */
@ApiTags('benefits')
@Controller('v1/me/benefits')
@UseGuards(IndividualAuthGuard)
export class BenefitsController {
  constructor(private readonly getMyBenefits: GetMyBenefitsUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My benefit balance and entries, newest first (cursor-paginated; text in Japanese and English)' })
  @ApiOkResponse({ type: MyBenefitsDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a cursor this API did not return, or a limit outside 1..200' })
  get(@CurrentRequestContext() ctx: RequestContext, @Query() query: GetMyBenefitsQueryDto): Promise<MyBenefitsDto> {
    return this.getMyBenefits.execute(ctx, { cursor: query.cursor, limit: query.limit });
  }
}
