import { Body, Header, HttpCode, Injectable, Post, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { RequestContext } from '@infobank/platform';
import { LogInUseCase } from '../application/log-in.use-case';
import { LogOutUseCase } from '../application/log-out.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import { ClientAddress, CurrentRequestContext } from './access-token.guard';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { LoginDto, RefreshTokenDto, SessionTokensDto } from './session.dto';

/**
 * Sign-in, refresh and logout: the routes every app with people's sessions serves. An app extends it
 * under its own `@Controller('v1/auth')` and adds what only it offers (the portal: register, step-up).
 */
@Injectable()
export abstract class SessionController {
  constructor(
    protected readonly logIn: LogInUseCase,
    protected readonly refresh: RefreshSessionUseCase,
    protected readonly logOut: LogOutUseCase,
  ) {}

  /** Signs in: 401 INVALID_CREDENTIALS for any wrong e-mail or password, 429 RATE_LIMITED after repeated failures. */
  @Post('login')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOkResponse({ type: SessionTokensDto })
  login(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: LoginDto,
    @ClientAddress() clientAddress: string,
  ): Promise<SessionTokensDto> {
    return this.logIn.execute(ctx, { ...body, clientAddress });
  }

  /** Spends the refresh token for a new pair; a spent token presented again ends the whole session. */
  @Post('refresh')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensDto })
  refreshSession(@CurrentRequestContext() ctx: RequestContext, @Body() body: RefreshTokenDto): Promise<SessionTokensDto> {
    return this.refresh.execute(ctx, body);
  }

  /** Ends the session the refresh token belongs to (idempotent). */
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentRequestContext() ctx: RequestContext, @Body() body: RefreshTokenDto): Promise<void> {
    await this.logOut.execute(ctx, body);
  }
}
