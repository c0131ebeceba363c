import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext } from '@infobank/auth';
import { GetTransparencyStatisticsUseCase, TransparencyStatisticsDto, type TransparencyStatistics } from '@infobank/oversight';
import { ApiPublic, type RequestContext } from '@infobank/platform';

/**
 * The public transparency statistics (透明性統計) as the portal publishes them, also here so that the
 * board's console can show members exactly what the public sees (its CSP lets it call its own origin only).
 */
@ApiTags('transparency')
@Controller('v1/transparency')
@ApiPublic()
export class BoardTransparencyController {
  constructor(private readonly statistics: GetTransparencyStatisticsUseCase) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The same public statistics as the portal’s GET /v1/transparency (no sign-in)' })
  @ApiOkResponse({
    type: TransparencyStatisticsDto,
    description: 'as the portal’s GET /v1/transparency: monthly counts, cells below TRANSPARENCY_MIN_CELL suppressed',
  })
  get(@CurrentRequestContext() ctx: RequestContext): Promise<TransparencyStatistics> {
    return this.statistics.execute(ctx);
  }
}
