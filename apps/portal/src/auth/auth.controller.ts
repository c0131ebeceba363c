import { Body, Controller, Header, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ClientAddress,
  CurrentRequestContext,
  IndividualAuthGuard,
  LogInUseCase,
  LogOutUseCase,
  RefreshSessionUseCase,
  RegisterIndividualUseCase,
  RetryAfterInterceptor,
  SessionController,
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
    private readonly register: RegisterIndividualUseCase,
    private readonly stepUp: StepUpUseCase,
  ) {
    super(logIn, refresh, logOut);
  }

  /**
   * Opens an account; no session (sign in next). An e-mail already registered gets the same 201 with
   * an id that names nothing, and its account is left untouched: the portal does not confirm which
   * e-mail addresses hold accounts here.
   */
  @Post('register')
  @ApiCreatedResponse({ type: RegisteredDto })
  async registerIndividual(@CurrentRequestContext() ctx: RequestContext, @Body() body: RegisterDto): Promise<RegisteredDto> {
    const account = await this.register.execute(ctx, body);
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
