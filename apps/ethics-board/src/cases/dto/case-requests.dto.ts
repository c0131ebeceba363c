import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, MAX_REASON_LENGTH, VOTE_DECISIONS, type VoteDecision } from '@infobank/review';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /v1/cases?status=`. */
export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];
}

/** `POST /v1/cases/:id/votes`: a member's vote with the reason the recipient and auditors read. */
export class CastVoteDto {
  @ApiProperty({ enum: VOTE_DECISIONS })
  @IsIn(VOTE_DECISIONS)
  decision: VoteDecision;

  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: '利用目的と項目が釣り合っており、便益も明確です。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}

/** `POST /v1/cases/:id/recusal`: why the member takes no part in this round. */
export class RecusalDto {
  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: '提供先の顧問を務めているため。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}
