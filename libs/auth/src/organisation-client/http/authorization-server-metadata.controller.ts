import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ALLOWED_JWS_ALGORITHMS } from '@infobank/crypto';
import { ApiPublic } from '@infobank/platform';
import { TOKEN_ENDPOINT_PATH } from '../application/issue-access-token.use-case';
import { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from '../application/organisation-client-settings';
import { endpointUrl } from '../domain/http-target';

/** What this API tells OAuth clients about itself (RFC 8414 §2, RFC 9449 §5.1). */
export class AuthorizationServerMetadataDto {
  @ApiProperty({ description: 'The issuer identifier: iss of access tokens, and the aud client assertions should name' })
  issuer: string;

  @ApiProperty()
  token_endpoint: string;

  @ApiProperty({ description: 'The bank’s public signing keys' })
  jwks_uri: string;

  @ApiProperty({ enum: ['client_credentials'], isArray: true })
  grant_types_supported: string[];

  @ApiProperty({ description: 'None: this API has no authorization endpoint', isArray: true, type: String })
  response_types_supported: string[];

  @ApiProperty({ enum: ['private_key_jwt'], isArray: true })
  token_endpoint_auth_methods_supported: string[];

  @ApiProperty({ enum: ALLOWED_JWS_ALGORITHMS, isArray: true })
  token_endpoint_auth_signing_alg_values_supported: string[];

  @ApiProperty({ enum: ALLOWED_JWS_ALGORITHMS, isArray: true })
  dpop_signing_alg_values_supported: string[];

  @ApiProperty()
  service_documentation: string;
}

/** `GET /.well-known/oauth-authorization-server` on intake and the gateway. */
@ApiTags('oauth')
@Controller('.well-known')
@ApiPublic()
export class AuthorizationServerMetadataController {
  constructor(@Inject(ORGANISATION_CLIENT_SETTINGS) private readonly settings: OrganisationClientSettings) {}

  @Get('oauth-authorization-server')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'OAuth 2.0 authorization server metadata (RFC 8414): issuer, token endpoint, algorithms' })
  @ApiOkResponse({ type: AuthorizationServerMetadataDto })
  metadata(): AuthorizationServerMetadataDto {
    const issuer = this.settings.publicUrl;
    return {
      issuer,
      token_endpoint: endpointUrl(issuer, TOKEN_ENDPOINT_PATH),
      jwks_uri: endpointUrl(issuer, '/.well-known/jwks.json'),
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: [...ALLOWED_JWS_ALGORITHMS],
      dpop_signing_alg_values_supported: [...ALLOWED_JWS_ALGORITHMS],
      service_documentation: endpointUrl(issuer, '/docs'),
    };
  }
}
