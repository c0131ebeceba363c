import { Body, Controller, Header, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ClientAddress,
  CurrentRequestContext,
  IndividualAuthGuard,
  LogInUseCase,
  LogOutUseCase,
  RefreshSessionUseCase,
  RetryAfterInterceptor,
  SessionController,
  SignUpUseCase,
  StepUpDto,
  StepUpTokenDto,
  StepUpUseCase,
} from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { RegisterDto, RegisteredDto } from './dto/register.dto';

/** Individuals' accounts and sessions (本人の認証): sign-in, refresh and logout, plus registration and step-up. */
@ApiTags('auth')
@Controller('v1/auth')
export class AuthController extends SessionController {
  constructor(
    logIn: LogInUseCase,
    refresh: RefreshSessionUseCase,
    logOut: LogOutUseCase,
    private readonly signUp: SignUpUseCase,
    private readonly stepUp: StepUpUseCase,
  ) {
    super(logIn, refresh, logOut);
  }

  /**
   * Opens an account; no session (sign in next). An e-mail already registered gets the same 201 with
   * an id that names nothing, and its account is left untouched: the portal does not confirm which
   * e-mail addresses hold accounts here. Throttled per client address: 429 RATE_LIMITED with Retry-After.
   */
  @Post('register')
  @UseInterceptors(RetryAfterInterceptor)
  @ApiCreatedResponse({ type: RegisteredDto })
  async registerIndividual(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: RegisterDto,
    @ClientAddress() clientAddress: string,
  ): Promise<RegisteredDto> {
    const account = await this.signUp.execute(ctx, { ...body, clientAddress });
    return { id: account.created ? account.id : randomUUID() };
  }

  /** Re-enter the password for a 5-minute step-up token, required by sensitive actions. */
  @Post('step-up')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @UseGuards(IndividualAuthGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiBearerAuth()
  @ApiOkResponse({ type: StepUpTokenDto })
  stepUpSession(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: StepUpDto,
    @ClientAddress() clientAddress: string,
  ): Promise<StepUpTokenDto> {
    return this.stepUp.execute(ctx, { password: body.password, clientAddress });
  }
}
