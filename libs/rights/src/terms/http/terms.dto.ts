import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ACCEPTANCE_METHODS, TERMS_AUDIENCES, TERMS_VERSION_PATTERN } from '../domain/terms';

/**
 * The HTTP shapes of terms, shared by every app: the individuals' terms (portal) and the organisations' contracts
 * (gateway for recipients, intake for providers) are versions of one thing with the same texts and acceptances.
 */

/** A terms or contract version with its texts (ja and en). */
export class TermsTextDto {
  @ApiProperty({ enum: TERMS_AUDIENCES })
  audience: string;

  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ description: 'The text in Japanese (the binding text)' })
  ja: string;

  @ApiProperty({ description: 'The text in English' })
  en: string;
}

/** One acceptance of a version, with its time and how it was given (at registration, in the portal, through the API or on paper). */
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

/** `GET /v1/organisation/contract`: the current contract for the API's role, the version still to accept, and my acceptances. */
export class OwnContractDto {
  @ApiProperty({ enum: ['recipient', 'provider'] })
  audience: string;

  @ApiProperty({ type: TermsTextDto, nullable: true, description: 'null when no version has been published' })
  current: TermsTextDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The version to accept; null when nothing is required' })
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
