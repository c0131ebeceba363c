import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import {
  BROWSER_SESSION_SETTINGS,
  BrowserOriginGuard,
  BrowserSession,
  type BrowserSessionSettings,
  ClientAddress,
  CurrentRequestContext,
  IndividualAuthGuard,
  LogInUseCase,
  LogOutEverywhereUseCase,
  LogOutUseCase,
  RefreshSessionUseCase,
  RetryAfterInterceptor,
  SessionController,
  StepUpDto,
  StepUpRoute,
  StepUpTokenDto,
  StepUpUseCase,
} from '@infobank/auth';
import { ApiErrors, ApiPublic, type RequestContext } from '@infobank/platform';
import { RegisterAcceptingTermsUseCase, RegisterWithVerificationUseCase } from '@infobank/rights';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RegisterDto, RegisteredDto } from './dto/register.dto';

/**
 * Individuals' accounts and sessions (本人の認証): sign-in, refresh and logout (also as the browser's
 * cookie session), registration, step-up and signing out everywhere. Every route checks the Origin of
 * requests that carry the refresh cookie or ask for a cookie session.
 */
@ApiTags('auth')
@Controller('v1/auth')
@UseGuards(BrowserOriginGuard)
export class AuthController extends SessionController {
  constructor(
    logIn: LogInUseCase,
    refresh: RefreshSessionUseCase,
    logOut: LogOutUseCase,
    @Inject(BROWSER_SESSION_SETTINGS) browserSessions: BrowserSessionSettings,
    private readonly signUp: RegisterWithVerificationUseCase,
    private readonly stepUp: StepUpUseCase,
    private readonly logOutEverywhere: LogOutEverywhereUseCase,
    private readonly registerAcceptingTerms: RegisterAcceptingTermsUseCase,
  ) {
    super(logIn, refresh, logOut, browserSessions);
  }

  /**
   * Opens an account; no session (sign in next) and a verification mail to the address. An e-mail
   * already registered gets the same 201 with an id that names nothing, and its account is left
   * untouched (the address is mailed how to take it over by a password reset): the portal does not
   * confirm which e-mail addresses hold accounts here. Throttled per client address: 429 RATE_LIMITED
   * with Retry-After. Once terms are published, `acceptedTermsVersion` must name the current version
   * (409 TERMS_VERSION_NOT_CURRENT, no account made); the acceptance is recorded with the new account.
   */
  @Post('register')
  @UseInterceptors(RetryAfterInterceptor)
  @ApiPublic()
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiErrors('RATE_LIMITED', 'TERMS_VERSION_NOT_CURRENT')
  async registerIndividual(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: RegisterDto,
    @ClientAddress() clientAddress: string,
  ): Promise<RegisteredDto> {
    const { acceptedTermsVersion, ...details } = body;
    const account = await this.registerAcceptingTerms.execute(ctx, acceptedTermsVersion, () =>
      this.signUp.execute(ctx, { ...details, clientAddress }),
    );
    return { id: account.created ? account.id : randomUUID() };
  }

  /** Re-enter the password for a 5-minute step-up token, required by sensitive actions. */
  @StepUpRoute(IndividualAuthGuard)
  stepUpSession(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: StepUpDto,
    @ClientAddress() clientAddress: string,
  ): Promise<StepUpTokenDto> {
    return this.stepUp.execute(ctx, { password: body.password, clientAddress });
  }

  /** Ends every session of my account on every device (設定: すべての端末からログアウト); clears the browser's cookie too. */
  @Post('logout-everywhere')
  @HttpCode(204)
  @UseGuards(IndividualAuthGuard)
  @ApiNoContentResponse()
  async signOutEverywhere(
    @CurrentRequestContext() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.logOutEverywhere.execute(ctx);
    const browser = BrowserSession.of(this.browserSessions, request, reply);
    if (browser.refreshToken !== undefined) browser.clear();
  }
}
