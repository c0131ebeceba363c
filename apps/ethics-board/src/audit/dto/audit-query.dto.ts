import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDITED_TRANSFER_STATUSES, DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE, SUMMARY_BUCKETS } from '@infobank/oversight';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Query strings are only shape-checked here; the use case checks each value and reports every problem at once.

/** The filter every provision audit route shares. */
export class ProvisionFilterQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only provisions to this recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recipient?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only provisions under this offer' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  offer?: string;

  @ApiPropertyOptional({ description: 'Only provisions for this purpose code (e.g. `marketing`)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  purpose?: string;

  @ApiPropertyOptional({ description: 'Only provisions with items of this data category (e.g. `purchase.receipts`)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Provided at or after this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Provided before this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  to?: string;
}

/** `GET /v1/audit/provisions`: the filter, a cursor and a page size. */
export class ProvisionAuditQueryDto extends ProvisionFilterQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;
}

/** `GET /v1/audit/provisions/summary`: the filter and the time bucket. */
export class ProvisionSummaryQueryDto extends ProvisionFilterQueryDto {
  @ApiPropertyOptional({ enum: SUMMARY_BUCKETS, description: 'required: day, week (from Monday) or month, in UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  bucket?: string;
}

/** `GET /v1/audit/transfers`: recipient, status, request window, cursor and page size. */
export class TransferAuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only transfers of this recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recipient?: string;

  @ApiPropertyOptional({ enum: AUDITED_TRANSFER_STATUSES })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  status?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Requested at or after this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Requested before this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;
}
