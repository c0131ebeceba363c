import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext } from '@infobank/auth';
import { GetTransparencyStatisticsUseCase, TransparencyStatisticsDto } from '@infobank/oversight';
import { ApiPublic, type RequestContext } from '@infobank/platform';

/** Public transparency statistics (透明性統計): anyone may read them, without signing in. */
@ApiTags('transparency')
@Controller('v1/transparency')
@ApiPublic()
export class TransparencyController {
  constructor(private readonly statistics: GetTransparencyStatisticsUseCase) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Monthly counts with every cell below TRANSPARENCY_MIN_CELL suppressed, and the latest signed checkpoint' })
  @ApiOkResponse({ type: TransparencyStatisticsDto })
  get(@CurrentRequestContext() ctx: RequestContext): Promise<TransparencyStatisticsDto> {
    return this.statistics.execute(ctx);
  }
}
