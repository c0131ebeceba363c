import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOG_VERIFICATION_FAILURE_KINDS } from '@infobank/oversight';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `POST /v1/audit/log-verifications`: which leaves to verify (default: the whole log). */
export class StartLogVerificationDto {
  @ApiPropertyOptional({ minimum: 0, description: 'first tree size (default 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  fromSize?: number;

  @ApiPropertyOptional({ minimum: 0, description: "last tree size (default: the latest checkpoint's)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  toSize?: number;
}

/** One failure: its kind and the leaf index it concerns. */
export class LogVerificationFailureDto {
  @ApiProperty({ enum: LOG_VERIFICATION_FAILURE_KINDS })
  kind: string;

  @ApiProperty({ type: Number, nullable: true })
  leafIndex: number | null;

  @ApiPropertyOptional()
  treeSize?: number;

  @ApiPropertyOptional()
  level?: number;

  @ApiPropertyOptional({ description: 'the ledger row concerned: { ledger, id }' })
  entry?: { ledger: 'consent_event' | 'provision'; id: string };
}

/** A run: its progress, and once complete its result signed by the bank. */
export class LogVerificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['board', 'operator', 'schedule'] })
  trigger: 'board' | 'operator' | 'schedule';

  @ApiProperty({ enum: ['running', 'passed', 'failed'] })
  status: 'running' | 'passed' | 'failed';

  @ApiProperty()
  fromSize: number;

  @ApiProperty()
  toSize: number;

  @ApiProperty({ description: 'leaves [fromSize, checkedSize) are checked' })
  checkedSize: number;

  @ApiProperty()
  checkpointsChecked: number;

  @ApiProperty()
  failureCount: number;

  @ApiProperty({ type: [LogVerificationFailureDto], description: 'the first 1,000 failures' })
  failures: LogVerificationFailureDto[];

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'compact JWS (typ log-verification+jwt) signed by the bank' })
  result: string | null;
}

/** A notification to the board. */
export class BoardNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['log_verification_failed'] })
  kind: string;

  @ApiProperty({ format: 'uuid', description: 'what it is about (the verification run)' })
  subjectId: string;

  @ApiProperty({ description: 'counts and kinds only' })
  summary: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** `GET /v1/board/notifications`. */
export class BoardNotificationListDto {
  @ApiProperty({ type: [BoardNotificationDto] })
  notifications: BoardNotificationDto[];
}
