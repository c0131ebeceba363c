import { Body, Controller, Inject, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BROWSER_SESSION_SETTINGS,
  BoardMemberAuthGuard,
  BrowserOriginGuard,
  type BrowserSessionSettings,
  ClientAddress,
  CurrentRequestContext,
  LogInUseCase,
  LogOutUseCase,
  RefreshSessionUseCase,
  SessionController,
  StepUpDto,
  StepUpRoute,
  StepUpTokenDto,
  StepUpUseCase,
} from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';

/**
 * Board members' sessions (also as the console's cookie session); their access tokens carry
 * `role: board_member`, `expertise` and `external`. Votes and stop-use orders need a step-up token.
 * Every route checks the Origin of requests that carry the refresh cookie or ask for a cookie session.
 */
@ApiTags('auth')
@Controller('v1/auth')
@UseGuards(BrowserOriginGuard)
export class BoardAuthController extends SessionController {
  constructor(
    logIn: LogInUseCase,
    refresh: RefreshSessionUseCase,
    logOut: LogOutUseCase,
    @Inject(BROWSER_SESSION_SETTINGS) browserSessions: BrowserSessionSettings,
    private readonly stepUp: StepUpUseCase,
  ) {
    super(logIn, refresh, logOut, browserSessions);
  }

  /** Re-enter the password for a 5-minute step-up token, required to vote and to propose, confirm or lift an order. */
  @StepUpRoute(BoardMemberAuthGuard)
  stepUpSession(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: StepUpDto,
    @ClientAddress() clientAddress: string,
  ): Promise<StepUpTokenDto> {
    return this.stepUp.execute(ctx, { password: body.password, clientAddress });
  }
}
