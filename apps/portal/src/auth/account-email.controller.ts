import { Body, Controller, Header, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClientAddress, CurrentRequestContext, IndividualAuthGuard, RetryAfterInterceptor } from '@infobank/auth';
import { ApiErrors, ApiPublic, type RequestContext } from '@infobank/platform';
import {
  CompletePasswordResetUseCase,
  RequestPasswordResetUseCase,
  ResendVerificationMailUseCase,
  VerifyEmailUseCase,
} from '@infobank/rights';
import {
  EmailVerifiedDto,
  PasswordResetCompleteDto,
  PasswordResetRequestDto,
  PasswordResetRequestedDto,
  VerificationResentDto,
  VerifyEmailDto,
} from './dto/account-email.dto';

const TOKEN_REFUSALS = 'ACCOUNT_TOKEN_INVALID (unknown or used link), ACCOUNT_TOKEN_EXPIRED, VALIDATION_FAILED';

/**
 * The mail links of individuals' accounts (メールアドレスの確認・パスワードの再設定): verifying the address,
 * a new verification mail, and resetting a forgotten password. Tokens travel in the body, never in a
 * URL (the mails put them in the portal page's fragment).
 */
@ApiTags('auth')
@Controller('v1/auth')
export class AccountEmailController {
  constructor(
    private readonly verifyEmail: VerifyEmailUseCase,
    private readonly resendVerification: ResendVerificationMailUseCase,
    private readonly requestReset: RequestPasswordResetUseCase,
    private readonly completeReset: CompletePasswordResetUseCase,
  ) {}

  /** Verifies my address with the token of the verification link; no sign-in needed (the link may open on another device). */
  @Post('verify-email')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiPublic()
  @ApiOkResponse({ type: EmailVerifiedDto })
  @ApiBadRequestResponse({ description: TOKEN_REFUSALS })
  verify(@CurrentRequestContext() ctx: RequestContext, @Body() body: VerifyEmailDto): Promise<EmailVerifiedDto> {
    return this.verifyEmail.execute(ctx, { token: body.token });
  }

  /** Sends me a new verification link (at most ACCOUNT_MAILS_PER_HOUR an hour: 429 RATE_LIMITED with Retry-After). */
  @Post('verify-email/resend')
  @HttpCode(202)
  @UseGuards(IndividualAuthGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiAcceptedResponse({ type: VerificationResentDto })
  @ApiErrors('RATE_LIMITED')
  resend(@CurrentRequestContext() ctx: RequestContext, @ClientAddress() clientAddress: string): Promise<VerificationResentDto> {
    return this.resendVerification.execute(ctx, { clientAddress });
  }

  /**
   * 「パスワードを忘れた」: mails a reset link valid 30 minutes if the address has an account. The answer
   * is the same 202 whether or not it has one; 429 RATE_LIMITED (Retry-After) beyond ACCOUNT_MAILS_PER_HOUR.
   */
  @Post('password-reset')
  @HttpCode(202)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiPublic()
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiErrors('RATE_LIMITED')
  async requestPasswordReset(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: PasswordResetRequestDto,
    @ClientAddress() clientAddress: string,
  ): Promise<PasswordResetRequestedDto> {
    await this.requestReset.execute(ctx, { email: body.email, clientAddress });
    return { status: 'accepted' };
  }

  /** Sets a new password with the reset link's token (once): every session ends, and the address counts as verified. */
  @Post('password-reset/complete')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiPublic()
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: TOKEN_REFUSALS })
  async completePasswordReset(@CurrentRequestContext() ctx: RequestContext, @Body() body: PasswordResetCompleteDto): Promise<void> {
    await this.completeReset.execute(ctx, { token: body.token, password: body.password });
  }
}
