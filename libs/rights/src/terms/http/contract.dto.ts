import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ACCEPTANCE_METHODS, TERMS_AUDIENCES, TERMS_VERSION_PATTERN } from '../domain/terms';

/** A contract version with its texts (ja and en). */
export class ContractTextDto {
  @ApiProperty({ enum: TERMS_AUDIENCES })
  audience: string;

  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ description: 'The contract in Japanese (the binding text)' })
  ja: string;

  @ApiProperty({ description: 'The contract in English' })
  en: string;
}

/** One acceptance of a contract version, with its time and how it was given (`api` or `paper`). */
export class ContractAcceptanceDto {
  @ApiProperty({ enum: TERMS_AUDIENCES })
  audience: string;

  @ApiProperty({ example: '2026-12' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;

  @ApiProperty({ enum: ACCEPTANCE_METHODS })
  method: string;
}

/** `GET /v1/organisation/contract`: the current contract for the API's role, the version still to accept, and my acceptances. */
export class OwnContractDto {
  @ApiProperty({ enum: ['recipient', 'provider'] })
  audience: string;

  @ApiProperty({ type: ContractTextDto, nullable: true, description: 'null when no version has been published' })
  current: ContractTextDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The version to accept; null when nothing is required' })
  acceptanceRequired: string | null;

  @ApiProperty({ type: [ContractAcceptanceDto] })
  acceptances: ContractAcceptanceDto[];
}

/** `POST /v1/organisation/contract/accept`: the version read and accepted (the current one). */
export class AcceptContractDto {
  @ApiProperty({ example: '2026-12' })
  @IsString()
  @Matches(TERMS_VERSION_PATTERN, { message: 'version must be a version label such as 2026-12' })
  version: string;
}
