import {
  applyDecorators,
  Body,
  type CanActivate,
  Header,
  HttpCode,
  Inject,
  Injectable,
  Post,
  Req,
  Res,
  type Type,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiErrors, ApiPublic, createValidationPipe, type RequestContext } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogInUseCase } from '../application/log-in.use-case';
import { LogOutUseCase } from '../application/log-out.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import type { SessionTokenPair } from '../domain/session-tokens';
import { InvalidRefreshTokenError } from '../sessions.errors';
import { ClientAddress, CurrentRequestContext } from './access-token.guard';
import { BROWSER_SESSION_SETTINGS, BrowserOriginGuard, BrowserSession, type BrowserSessionSettings } from './browser-session.guard';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { BrowserSessionTokensDto, LoginDto, RefreshTokenDto, SessionTokensDto, StepUpTokenDto } from './session.dto';

const validation = createValidationPipe();

/** `X-Infobank-Session: cookie` in the OpenAPI document. */
const SessionModeHeader = ApiHeader({
  name: 'X-Infobank-Session',
  required: false,
  enum: ['cookie'],
  description: 'cookie: the refresh token travels in the HttpOnly infobank_refresh cookie, never in the body (browsers)',
});

/**
 * Sign-in, refresh and logout: the routes every app with people's sessions serves. An app extends it
 * under its own `@Controller('v1/auth')` and adds what only it offers (the portal: register); its step-up
 * route is a method marked `@StepUpRoute(accessGuard)`.
 * Where the app offers cookie sessions, a browser asks for one with `X-Infobank-Session: cookie`: the
 * refresh token then lives only in an HttpOnly cookie, and the Origin is checked (BrowserOriginGuard).
 */
@Injectable()
export abstract class SessionController {
  constructor(
    protected readonly logIn: LogInUseCase,
    protected readonly refresh: RefreshSessionUseCase,
    protected readonly logOut: LogOutUseCase,
    @Inject(BROWSER_SESSION_SETTINGS) protected readonly browserSessions: BrowserSessionSettings,
  ) {}

  /** Signs in: 401 INVALID_CREDENTIALS for any wrong e-mail or password, 429 RATE_LIMITED after repeated failures. */
  @Post('login')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @UseGuards(BrowserOriginGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @SessionModeHeader
  @ApiOkResponse({ type: SessionTokensDto, description: 'with X-Infobank-Session: cookie, a BrowserSessionTokensDto and the cookie' })
  @ApiPublic()
  @ApiErrors('INVALID_CREDENTIALS', 'RATE_LIMITED')
  async login(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: LoginDto,
    @ClientAddress() clientAddress: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokensDto | BrowserSessionTokensDto> {
    const pair = await this.logIn.execute(ctx, { ...body, clientAddress });
    const browser = BrowserSession.of(this.browserSessions, request, reply);
    return browser.requested ? handOver(browser, pair) : pair;
  }

  /**
   * Spends the refresh token for a new pair; a spent token presented again ends the whole session.
   * In a cookie session the token comes from the cookie (no body) and the next one goes back into it;
   * a refused refresh clears the cookie.
   */
  @Post('refresh')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @UseGuards(BrowserOriginGuard)
  @SessionModeHeader
  @ApiBody({ type: RefreshTokenDto, required: false, description: 'required unless X-Infobank-Session: cookie' })
  @ApiOkResponse({ type: SessionTokensDto, description: 'with X-Infobank-Session: cookie, a BrowserSessionTokensDto and the cookie' })
  @ApiPublic()
  @ApiErrors('INVALID_REFRESH_TOKEN')
  async refreshSession(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokensDto | BrowserSessionTokensDto> {
    const browser = BrowserSession.of(this.browserSessions, request, reply);
    if (!browser.requested) return this.refresh.execute(ctx, await refreshTokenBody(body));
    const refreshToken = browser.refreshToken;
    try {
      if (refreshToken === undefined) throw new InvalidRefreshTokenError();
      return handOver(browser, await this.refresh.execute(ctx, { refreshToken }));
    } catch (error) {
      if (error instanceof InvalidRefreshTokenError) browser.clear();
      throw error;
    }
  }

  /** Ends the session the refresh token (in the body, or the cookie of a cookie session) belongs to; idempotent. */
  @Post('logout')
  @HttpCode(204)
  @UseGuards(BrowserOriginGuard)
  @SessionModeHeader
  @ApiBody({ type: RefreshTokenDto, required: false, description: 'required unless X-Infobank-Session: cookie' })
  @ApiNoContentResponse()
  @ApiPublic()
  async logout(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const browser = BrowserSession.of(this.browserSessions, request, reply);
    if (!browser.requested) return this.logOut.execute(ctx, await refreshTokenBody(body));
    const refreshToken = browser.refreshToken;
    if (refreshToken !== undefined) await this.logOut.execute(ctx, { refreshToken });
    browser.clear();
  }
}

/** The JSON body of refresh and logout, validated as every body is (the cookie session sends none). */
/**
 * `POST /v1/auth/step-up` on an app's SessionController: re-enter the password for a 5-minute step-up token
 * (StepUpUseCase), for the people `accessGuard` admits; 401 INVALID_CREDENTIALS, 429 RATE_LIMITED with Retry-After.
 */
export function StepUpRoute(accessGuard: Type<CanActivate>): MethodDecorator {
  return applyDecorators(
    Post('step-up'),
    Header('Cache-Control', 'no-store'),
    HttpCode(200),
    UseGuards(accessGuard),
    UseInterceptors(RetryAfterInterceptor),
    ApiOkResponse({ type: StepUpTokenDto }),
    ApiErrors('INVALID_CREDENTIALS', 'RATE_LIMITED'),
  );
}

function refreshTokenBody(body: unknown): Promise<RefreshTokenDto> {
  return validation.transform(body, { type: 'body', metatype: RefreshTokenDto }) as Promise<RefreshTokenDto>;
}

/** A cookie session's answer: the refresh token goes into the cookie, the access token into the body. */
function handOver(browser: BrowserSession, pair: SessionTokenPair): BrowserSessionTokensDto {
  browser.keep(pair.refreshToken);
  return { accessToken: pair.accessToken, tokenType: 'Bearer', expiresIn: pair.expiresIn };
}
