import { Body, Controller, Get, Header, Put, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { GetOwnStandingConditionsUseCase, PutOwnStandingConditionsUseCase } from '@infobank/consent';
import type { RequestContext } from '@infobank/platform';
import { PutStandingConditionsDto, StandingConditionsDto } from './dto/standing-conditions.dto';

/** My standing conditions (予め指定した条件): when the bank may consent to approved offers on my behalf. */
@ApiTags('standing-conditions')
@Controller('v1/me/standing-conditions')
@UseGuards(IndividualAuthGuard)
export class StandingConditionsController {
  constructor(
    private readonly getConditions: GetOwnStandingConditionsUseCase,
    private readonly putConditions: PutOwnStandingConditionsUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My standing conditions (defaults when never set: nothing is granted on my behalf)' })
  @ApiOkResponse({ type: StandingConditionsDto })
  get(@CurrentRequestContext() ctx: RequestContext): Promise<StandingConditionsDto> {
    return this.getConditions.execute(ctx);
  }

  @Put()
  @ApiOperation({
    summary:
      'Replace my standing conditions; they apply to offers approved from now on. Cross-border and profiling are off unless allowed; sensitive items are never granted this way',
  })
  @ApiOkResponse({ type: StandingConditionsDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown purpose, a repeated entry, a bad minimum benefit' })
  put(@CurrentRequestContext() ctx: RequestContext, @Body() body: PutStandingConditionsDto): Promise<StandingConditionsDto> {
    return this.putConditions.execute(ctx, {
      purposes: body.purposes,
      allowCrossBorder: body.allowCrossBorder ?? false,
      allowProfiling: body.allowProfiling ?? false,
      minimumBenefit: body.minimumBenefit ? { type: body.minimumBenefit.type, amount: body.minimumBenefit.amount } : null,
      excludedRecipients: body.excludedRecipients ?? [],
      mode: body.mode ?? 'auto',
    });
  }
}
