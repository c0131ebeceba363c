import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_FORMATS, REPORT_TABLES, type ReportFormat } from '@infobank/oversight';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** `POST /v1/reports`: the month to report on (Japan time); it must have ended. */
export class RequestReportDto {
  @ApiProperty({ example: '2026-11', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })
  @IsString()
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month, YYYY-MM' })
  period: string;
}

/** `GET /v1/reports/:id?format=&table=`. */
export class ReportFormatQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_TABLES, description: 'the table to export (CSV only)' })
  @IsOptional()
  @IsIn(REPORT_TABLES)
  table?: string;
}

/** A report: the signed content and its compact JWS (`typ: periodic-report+jwt`; its payload is `report`). */
export class ReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ enum: ['board', 'schedule'] })
  trigger: 'board' | 'schedule';

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ description: 'the report, as described by /v1/reports/schema.json' })
  report: object;

  @ApiProperty({ description: 'compact JWS signed by the bank; verify with /.well-known/jwks.json' })
  jws: string;
}

/** A listed report. */
export class ReportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  period: string;

  @ApiProperty({ enum: ['board', 'schedule'] })
  trigger: 'board' | 'schedule';

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;
}

/** `GET /v1/reports`. */
export class ReportListDto {
  @ApiProperty({ type: [ReportSummaryDto] })
  reports: ReportSummaryDto[];
}
