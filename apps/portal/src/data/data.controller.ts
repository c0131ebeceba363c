import { Controller, Delete, Get, Header, HttpCode, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard, RequireStepUp } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { EraseMyDataAndStopDeliveryUseCase } from '@infobank/revocation';
import { ListMyRecordsUseCase, SummariseMyDataUseCase } from '@infobank/vault';
import { DataSummaryDto, EraseQueryDto, OwnRecordsPageDto, RecordQueryDto } from './dto/data.dto';

/** My deposited data (預託データ): what the bank holds about me, the records themselves, and erasing them. */
@ApiTags('data')
@Controller('v1/me/data')
export class DataController {
  constructor(
    private readonly summarise: SummariseMyDataUseCase,
    private readonly listRecords: ListMyRecordsUseCase,
    private readonly erase: EraseMyDataAndStopDeliveryUseCase,
  ) {}

  @Get()
  @UseGuards(IndividualAuthGuard)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'What the bank holds about me: per provider × category, how many records and the latest observation' })
  @ApiOkResponse({ type: DataSummaryDto })
  summary(@CurrentRequestContext() ctx: RequestContext): Promise<DataSummaryDto> {
    return this.summarise.execute(ctx);
  }

  @Get('records')
  @UseGuards(IndividualAuthGuard)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My records, decrypted, newest observation first, with where each came from (cursor-paginated)' })
  @ApiOkResponse({ type: OwnRecordsPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown category, a provider id that is no UUID, a bad cursor or limit' })
  records(@CurrentRequestContext() ctx: RequestContext, @Query() query: RecordQueryDto): Promise<OwnRecordsPageDto> {
    return this.listRecords.execute(ctx, query);
  }

  @Delete()
  @HttpCode(204)
  @RequireStepUp(IndividualAuthGuard)
  @ApiOperation({
    summary: "Erase one provider's records about me (optionally one category), every version; needs a step-up token",
    description:
      'Transfers in flight stop providing my data at once: a package holding me that was not yet downloaded is rebuilt without me.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: no provider, or an unknown category' })
  @ApiUnauthorizedResponse({ description: 'STEP_UP_REQUIRED: re-enter your password at POST /v1/auth/step-up first' })
  async eraseRecords(@CurrentRequestContext() ctx: RequestContext, @Query() query: EraseQueryDto): Promise<void> {
    await this.erase.execute(ctx, query);
  }
}
