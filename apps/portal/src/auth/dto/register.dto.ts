import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type Language,
} from '@infobank/identity';
import { TERMS_VERSION_PATTERN } from '@infobank/rights';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** `POST /v1/auth/register`: what an individual gives to open an account. */
export class RegisterDto {
  @ApiProperty({ example: 'hanako@example.jp', maxLength: EMAIL_MAX_LENGTH })
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: '山田 花子', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiPropertyOptional({
    example: '2026-12',
    description: 'The terms version (GET /v1/terms/current) the individual read and accepted; required once a version is published',
  })
  @IsOptional()
  @IsString()
  @Matches(TERMS_VERSION_PATTERN, { message: 'acceptedTermsVersion must be a version label such as 2026-12' })
  acceptedTermsVersion?: string;
}

/** The answer to a registration (the same whether or not the e-mail was new; see AuthController). */
export class RegisteredDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}
