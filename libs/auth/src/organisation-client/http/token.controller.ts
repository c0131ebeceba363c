import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiErrors, ApiPublic, createRequestContext, DomainError } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IssueAccessTokenUseCase } from '../application/issue-access-token.use-case';
import { TokenRequestDto, TokenResponseDto } from './token.dto';

/** `POST /oauth/token`: client credentials with `private_key_jwt` and DPoP, on intake and the gateway. */
@ApiTags('oauth')
@Controller('oauth')
export class TokenController {
  constructor(private readonly issueAccessToken: IssueAccessTokenUseCase) {}

  @Post('token')
  @HttpCode(200)
  // No access token yet: the client authenticates with its signed client assertion (private_key_jwt) in the body.
  @ApiPublic()
  @ApiOperation({ summary: 'Get a DPoP-bound access token (client_credentials, private_key_jwt)' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiHeader({ name: 'DPoP', required: true, description: 'A DPoP proof (RFC 9449) with htm POST and htu this URL' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, UNSUPPORTED_GRANT_TYPE or UNAUTHORIZED_CLIENT (problem+json with OAuth error and error_description)',
  })
  @ApiUnauthorizedResponse({ description: 'INVALID_CLIENT or INVALID_DPOP_PROOF (problem+json with OAuth error and error_description)' })
  @ApiErrors('UNSUPPORTED_MEDIA_TYPE')
  async token(
    @Body() body: TokenRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    // Set first, so that refusals are not cached either (RFC 6749 §5.1).
    void reply.header('cache-control', 'no-store');
    if (!isFormBody(request.headers['content-type'])) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the token request as application/x-www-form-urlencoded.');
    }
    const issued = await this.issueAccessToken.execute(createRequestContext({ type: 'anonymous' }, request.id), {
      grantType: body.grant_type,
      clientAssertion: body.client_assertion,
      clientId: body.client_id,
      dpopProof: request.headers.dpop,
      method: request.method,
    });
    return { access_token: issued.accessToken, token_type: issued.tokenType, expires_in: issued.expiresIn };
  }
}

function isFormBody(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}
