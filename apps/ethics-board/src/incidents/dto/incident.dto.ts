import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INCIDENT_KINDS, INCIDENT_STATES, MAX_AFFECTED_PAGE, type IncidentKind, type IncidentState } from '@infobank/oversight';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

/** `POST /v1/incidents`: where a breach happened, the window it covers and what is known of it. */
export class OpenIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind: IncidentKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'the recipient (recipient_breach only)' })
  @IsOptional()
  @IsString()
  recipientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the provider (provider_breach only)' })
  @IsOptional()
  @IsString()
  providerId?: string;

  @ApiPropertyOptional({ type: [String], description: 'data category codes the breach is limited to (default: all)' })
  @IsOptional()
  @IsArray()
  categories?: string[];

  @ApiProperty({ example: '2026-11-01T00:00:00+09:00', description: 'start of the window (inclusive), with an offset' })
  @IsString()
  from: string;

  @ApiProperty({ example: '2026-12-01T00:00:00+09:00', description: 'end of the window (exclusive), with an offset' })
  @IsString()
  to: string;

  @ApiProperty({ description: 'what happened and its cause (up to 4,000 characters); goes into the regulator report' })
  @IsString()
  description: string;

  @ApiPropertyOptional({ description: 'measures against recurrence, when already known' })
  @IsOptional()
  @IsString()
  measures?: string;
}

/** `POST /v1/incidents/:id/close`. */
export class CloseIncidentDto {
  @ApiPropertyOptional({ description: 'measures against recurrence (再発防止策)' })
  @IsOptional()
  @IsString()
  measures?: string;
}

/** `POST /v1/incidents/:id/stop-use-order`. */
export class ProposeIncidentOrderDto {
  @ApiPropertyOptional({ description: "the order's reason (default: the incident's description)" })
  @IsOptional()
  @IsString()
  reason?: string;
}

/** `GET /v1/incidents/:id/affected?cursor=&limit=`. */
export class AffectedQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AFFECTED_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AFFECTED_PAGE)
  limit?: number;
}

class LocalisedItemDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: { ja: '購入日時', en: 'Purchase time' } })
  label: { ja: string; en: string };
}

class IncidentStepDto {
  @ApiProperty({ enum: INCIDENT_STATES })
  state: IncidentState;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'who: { type: board_member | operator | system, ref: member id or name }' })
  by: { type: string; ref: string };
}

/** An incident: its impact in counts and items, and its steps (never an individual's identity). */
export class IncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ format: 'uuid', nullable: true }) recipientId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) providerId: string | null;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true }) measures: string | null;
  @ApiProperty({ enum: INCIDENT_STATES }) state: IncidentState;
  @ApiProperty() affectedIndividuals: number;
  @ApiProperty() affectedRecords: number;
  @ApiProperty({ type: [LocalisedItemDto] }) items: LocalisedItemDto[];
  @ApiProperty() notifiedIndividuals: number;
  @ApiProperty({ format: 'uuid', nullable: true }) stopUseOrderId: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [IncidentStepDto] }) steps: IncidentStepDto[];
}

export class IncidentListDto {
  @ApiProperty({ type: [IncidentDto] })
  incidents: IncidentDto[];
}

class AffectedIndividualDto {
  @ApiProperty({ format: 'uuid', description: "this row's own id (not the individual's)" }) id: string;
  @ApiProperty({ type: [String], description: 'pseudonymous ids the recipient knew them by' }) subjectIds: string[];
  @ApiProperty({ type: [LocalisedItemDto] }) items: LocalisedItemDto[];
  @ApiProperty() records: number;
  @ApiProperty({ type: [String] }) consentIds: string[];
  @ApiProperty({ type: [String] }) provisionIds: string[];
  @ApiProperty({ format: 'date-time', nullable: true }) notifiedAt: string | null;
}

export class AffectedPageDto {
  @ApiProperty({ type: [AffectedIndividualDto] })
  affected: AffectedIndividualDto[];

  @ApiProperty({ nullable: true })
  nextCursor: string | null;
}
