import { ApiProperty } from '@nestjs/swagger';
import { ACCEPTANCE_METHODS, TERMS_AUDIENCES, TERMS_VERSION_PATTERN } from '@infobank/rights';
import { IsString, Matches } from 'class-validator';

/** A version of the bank's terms with its texts (ja and en). */
export class TermsDto {
  @ApiProperty({ enum: TERMS_AUDIENCES })
  audience: string;

  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ description: 'The terms in Japanese (the binding text)' })
  ja: string;

  @ApiProperty({ description: 'The terms in English' })
  en: string;
}

/** One acceptance of a terms version. */
export class TermsAcceptanceDto {
  @ApiProperty({ enum: TERMS_AUDIENCES })
  audience: string;

  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;

  @ApiProperty({ enum: ACCEPTANCE_METHODS })
  method: string;
}

class CurrentVersionDto {
  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;
}

/** `GET /v1/me/terms`: the current version, whether I must still accept it, and my acceptances (newest first). */
export class MyTermsDto {
  @ApiProperty({ type: CurrentVersionDto, nullable: true })
  current: CurrentVersionDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The version to accept before my next consent or approval; null when nothing is required',
  })
  acceptanceRequired: string | null;

  @ApiProperty({ type: [TermsAcceptanceDto] })
  acceptances: TermsAcceptanceDto[];
}

/** `POST /v1/me/terms/accept` and `POST /v1/organisation/contract/accept`: the version read and accepted (the current one). */
export class AcceptTermsDto {
  @ApiProperty({ example: '2026-12' })
  @IsString()
  @Matches(TERMS_VERSION_PATTERN, { message: 'version must be a version label such as 2026-12' })
  version: string;
}
