import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@infobank/identity';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** A one-time token from a mail link's fragment (`#token=…`). */
class TokenBody {
  @ApiProperty({ description: 'the token from the link (after #token=)', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  token: string;
}

/** `POST /v1/auth/verify-email`. */
export class VerifyEmailDto extends TokenBody {}

/** `POST /v1/auth/verify-email` answer. */
export class EmailVerifiedDto {
  @ApiProperty({ enum: [true] })
  verified: true;
}

/** `POST /v1/auth/verify-email/resend` answer. */
export class VerificationResentDto {
  @ApiProperty({ enum: ['sent', 'already_verified'] })
  status: 'sent' | 'already_verified';
}

/** `POST /v1/auth/password-reset`: the address to send a reset link to. */
export class PasswordResetRequestDto {
  @ApiProperty({ example: 'hanako@example.jp', maxLength: EMAIL_MAX_LENGTH })
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;
}

/** `POST /v1/auth/password-reset/complete`: the link's token and the new password. */
export class PasswordResetCompleteDto extends TokenBody {
  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

/** The answer to a reset request: the same whether or not the address has an account. */
export class PasswordResetRequestedDto {
  @ApiProperty({ enum: ['accepted'] })
  status: 'accepted';
}
