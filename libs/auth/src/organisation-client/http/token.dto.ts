import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { JWT_BEARER_ASSERTION_TYPE } from '../application/issue-access-token.use-case';

/** `POST /oauth/token` form fields (RFC 6749 §4.4 with RFC 7523 client authentication). */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  grant_type: string;

  @ApiProperty({ example: JWT_BEARER_ASSERTION_TYPE })
  @IsString()
  @Equals(JWT_BEARER_ASSERTION_TYPE)
  client_assertion_type: string;

  @ApiProperty({
    description:
      'JWT with typ client-authentication+jwt, signed by one of the organisation’s registered keys: iss = sub = organisation id, ' +
      'aud = the issuer identifier (see /.well-known/oauth-authorization-server) or this URL',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8192)
  client_assertion: string;

  @ApiPropertyOptional({ description: 'The organisation id; when sent it must equal the assertion’s iss' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  client_id?: string;

  @ApiPropertyOptional({ description: 'Ignored: an organisation’s roles decide what its token allows' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}

/** A DPoP-bound access token (RFC 6749 §5.1, RFC 9449 §5). */
export class TokenResponseDto {
  @ApiProperty({ description: 'JWT (at+jwt) signed by the bank; send as `Authorization: DPoP <token>` with a fresh DPoP proof' })
  access_token: string;

  @ApiProperty({ enum: ['DPoP'] })
  token_type: 'DPoP';

  @ApiProperty({ example: 600 })
  expires_in: number;
}

/** The calling organisation, as `GET /v1/organisation` shows it. */
export class OrganisationNameDto {
  @ApiProperty({ example: '株式会社サンプル' })
  ja: string;

  @ApiPropertyOptional({ example: 'Sample K.K.' })
  en?: string;
}

/** Who the caller is, according to its access token and the bank's current registration. */
export class OrganisationProfileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['provider', 'recipient'], isArray: true })
  roles: ('provider' | 'recipient')[];

  @ApiProperty({ type: OrganisationNameDto })
  name: OrganisationNameDto;
}
