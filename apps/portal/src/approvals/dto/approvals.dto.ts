import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPROVAL_DECISIONS, APPROVAL_STATUSES, type ApprovalDecision, type ApprovalStatus } from '@infobank/consent';
import { IsIn, IsOptional } from 'class-validator';

/** `POST /v1/me/approvals/:id`: my answer to one ask-mode request. */
export class DecideApprovalDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision: ApprovalDecision;
}

/** `GET /v1/me/approvals` query. */
export class ListApprovalsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['pending', 'all'])
  status?: 'pending' | 'all';
}

/** One ask-mode approval request (個別確認). */
export class ApprovalDto {
  @ApiProperty({ format: 'uuid' })
  approvalRequestId: string;

  @ApiProperty({ format: 'uuid' })
  consentId: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ format: 'uuid', description: 'what is asked for (e.g. the transfer)' })
  reference: string;

  @ApiProperty({ enum: APPROVAL_STATUSES, description: 'expired: no answer before the timeout, which counts as a denial' })
  status: ApprovalStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt: Date;

  @ApiProperty({ format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: Date | null;
}
