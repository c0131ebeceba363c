import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard, RequireStepUp } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { CloseMyAccountAndStopDeliveryUseCase } from '@infobank/revocation';

/** Closing my account (退会). */
@ApiTags('me')
@Controller('v1/me')
export class AccountClosureController {
  constructor(private readonly closeAccount: CloseMyAccountAndStopDeliveryUseCase) {}

  @Delete()
  @HttpCode(204)
  @RequireStepUp(IndividualAuthGuard)
  @ApiOperation({
    summary: 'Close my account: my data key is destroyed first (nothing of mine can be decrypted again), then my records and links go',
    description:
      'Needs a step-up token. My consents are revoked and transfers in flight stop providing my data at once. ' +
      'Afterwards the account cannot sign in, and its access and refresh tokens stop working.',
  })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'STEP_UP_REQUIRED: re-enter your password at POST /v1/auth/step-up first' })
  async close(@CurrentRequestContext() ctx: RequestContext): Promise<void> {
    await this.closeAccount.execute(ctx);
  }
}
