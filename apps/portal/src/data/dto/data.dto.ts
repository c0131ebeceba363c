import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationNameDto } from '@infobank/auth';
import { LocalisedTextDto } from '@infobank/catalog';
import { DEFAULT_RECORD_PAGE, MAX_RECORD_PAGE } from '@infobank/vault';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /v1/me/data/records` query: which of my records, from where in the list, how many. */
export class RecordQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only records of this provider' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  provider?: string;

  @ApiPropertyOptional({ example: 'purchase.receipts', description: 'Only records of this category (a code from GET /v1/catalog)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_RECORD_PAGE, default: DEFAULT_RECORD_PAGE })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;
}

/** `DELETE /v1/me/data` query: whose records to erase. */
export class EraseQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The provider whose records about me to erase' })
  @IsOptional() // Required; checked with the other rules so that every problem is reported at once.
  @IsString()
  @MaxLength(100)
  provider?: string;

  @ApiPropertyOptional({ example: 'purchase.receipts', description: 'Only this category (default: every category of the provider)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

/** What the bank holds about me from one provider in one category. */
export class DataHoldingDto {
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ type: OrganisationNameDto, nullable: true, description: 'null if the provider is no longer registered' })
  providerName: OrganisationNameDto | null;

  @ApiProperty({ example: 'purchase.receipts' })
  category: string;

  @ApiProperty({ type: LocalisedTextDto, nullable: true })
  categoryLabel: LocalisedTextDto | null;

  @ApiProperty({ example: 42 })
  count: number;

  @ApiProperty({ format: 'date-time' })
  latestObservedAt: string;
}

/** My deposited data at a glance (預託データの一覧). */
export class DataSummaryDto {
  @ApiProperty({ type: [DataHoldingDto], description: 'Per provider × category' })
  holdings: DataHoldingDto[];
}

/** Where a record came from. */
export class RecordProvenanceDto {
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ description: "The provider's id of the batch the record arrived in" })
  batchId: string;

  @ApiProperty({ description: 'SHA-256 of the signed batch (compact JWS) as received, base64url' })
  batchDigest: string;

  @ApiProperty({ description: "kid of the provider's registered key that signed the batch" })
  signingKid: string;

  @ApiProperty({ format: 'date-time', description: 'When this version arrived' })
  receivedAt: string;
}

/** One of my records, decrypted. */
export class OwnRecordDto {
  @ApiProperty({ format: 'uuid', description: "The bank's id of the record" })
  id: string;

  @ApiProperty({ description: "The provider's id of the record" })
  recordId: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ example: 'purchase.receipts' })
  category: string;

  @ApiProperty({ format: 'date-time' })
  observedAt: string;

  @ApiProperty({ example: 1, description: '1 for the first deposit, +1 for each newer version' })
  version: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The record's data, valid under the category's schema" })
  data: unknown;

  @ApiProperty({ format: 'date-time' })
  firstReceivedAt: string;

  @ApiProperty({ type: RecordProvenanceDto })
  provenance: RecordProvenanceDto;
}

/** A page of my records, newest observation first. */
export class OwnRecordsPageDto {
  @ApiProperty({ type: [OwnRecordDto] })
  records: OwnRecordDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
