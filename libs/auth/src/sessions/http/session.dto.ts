import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACCOUNT_KINDS, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, type AccountKind } from '@infobank/identity';

/** `POST /v1/auth/login`. Length limits only: an unknown e-mail and a wrong password must look alike. */
export class LoginDto {
  @ApiProperty({ example: 'hanako@example.jp', maxLength: EMAIL_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({
    enum: ACCOUNT_KINDS,
    description: 'at the ethics board: sign in as `board_member` or `staff` (omitted: the first role whose account takes the password)',
  })
  @IsOptional()
  @IsIn(ACCOUNT_KINDS)
  role?: AccountKind;
}

/** `POST /v1/auth/refresh` and `POST /v1/auth/logout`. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'the opaque refresh token from login or the last refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  refreshToken: string;
}

/** `POST /v1/auth/step-up`: the signed-in person's password, again. */
export class StepUpDto {
  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({
    enum: ACCOUNT_KINDS,
    description: 'at the ethics board: sign in as `board_member` or `staff` (omitted: the first role whose account takes the password)',
  })
  @IsOptional()
  @IsIn(ACCOUNT_KINDS)
  role?: AccountKind;
}

/** A session's tokens: a 15-minute access JWT and a rotating refresh token. */
export class SessionTokensDto {
  @ApiProperty({ description: 'bank-signed JWT (EdDSA, typ at+jwt); send as `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ description: 'opaque; each refresh spends it and returns the next one' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'seconds the access token is valid for' })
  expiresIn: number;
}

/** A browser's cookie session: the access token only; the refresh token is in the HttpOnly cookie. */
export class BrowserSessionTokensDto {
  @ApiProperty({ description: 'bank-signed JWT (EdDSA, typ at+jwt); keep it in memory and send as `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'seconds the access token is valid for' })
  expiresIn: number;
}

/** A step-up token for sensitive actions. */
export class StepUpTokenDto {
  @ApiProperty({ description: 'bank-signed JWT (typ step-up+jwt); send as `X-Step-Up-Token`' })
  stepUpToken: string;

  @ApiProperty({ example: 300 })
  expiresIn: number;
}
