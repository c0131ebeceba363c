import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_MODES, MAX_REVOCATION_REASON_LENGTH, type ConsentMode } from '@infobank/consent';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

/** `POST /v1/me/consents`: consent to an approved offer. */
export class GrantConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  offerId: string;

  @ApiProperty({ type: [String], description: 'Optional items of the offer I also consent to (required items always are)' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  optionalItems: string[];

  @ApiProperty({ enum: CONSENT_MODES, description: 'auto: provide whenever the terms allow; ask: each transfer waits for my approval' })
  @IsIn(CONSENT_MODES)
  mode: ConsentMode;

  @ApiPropertyOptional({ format: 'date-time', description: 'After this instant the consent lets nothing out' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ type: [String], description: 'For an offer processed outside Japan: exactly its processingCountries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  acknowledgedCountries?: string[];
}

/** `POST /v1/me/consents/:id/revoke`. */
export class RevokeConsentDto {
  @ApiPropertyOptional({ maxLength: MAX_REVOCATION_REASON_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REVOCATION_REASON_LENGTH)
  reason?: string;
}

/** `GET /v1/me/consents/:id/proof` query. */
export class ConsentProofQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The event (default: the latest)' })
  @IsOptional()
  @IsUUID()
  event?: string;
}
