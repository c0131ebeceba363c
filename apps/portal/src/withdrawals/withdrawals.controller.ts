import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { GetConsentWithdrawalUseCase } from '@infobank/revocation';
import { ConsentWithdrawalDto } from './dto/withdrawal.dto';

/** Where the withdrawal of my consent stands at each recipient that held my data. */
@ApiTags('consents')
@Controller('v1/me/consents')
@UseGuards(IndividualAuthGuard)
export class WithdrawalsController {
  constructor(private readonly getWithdrawal: GetConsentWithdrawalUseCase) {}

  @Get(':consentId/withdrawal')
  @ApiOperation({ summary: 'When my withdrawal took effect and, per recipient, whether it has attested deleting my data' })
  @ApiOkResponse({ type: ConsentWithdrawalDto })
  @ApiNotFoundResponse({ description: 'CONSENT_NOT_FOUND' })
  get(@CurrentRequestContext() ctx: RequestContext, @UuidParam('consentId') consentId: string): Promise<ConsentWithdrawalDto> {
    return this.getWithdrawal.execute(ctx, consentId);
  }
}
