import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RecordRejectionCode, RecordStatus } from '@infobank/vault';

/** One refused field of a record: a JSON pointer into the signed batch payload. */
export class RecordProblemDto {
  @ApiProperty({ example: '/records/3/data/totalYen' })
  path: string;

  @ApiProperty({ example: 'must be integer' })
  message: string;
}

/** What became of one record of the batch, in the batch's order. */
export class RecordResultDto {
  @ApiProperty({ nullable: true, type: String, example: 'R-2025-000123', description: 'null when the record carried no usable recordId' })
  recordId: string | null;

  @ApiProperty({
    enum: ['accepted', 'duplicate', 'superseded', 'rejected'],
    description:
      'accepted: stored; duplicate: the same content was already held; superseded: new content replaced the held version (kept as history); rejected: see code and errors',
  })
  status: RecordStatus;

  @ApiPropertyOptional({
    example: 'DATA_INVALID',
    description:
      'With rejected: RECORD_MALFORMED, RECORD_ID_REPEATED, CATEGORY_UNKNOWN, NOT_LINKED, CATEGORY_NOT_LINKED, OBSERVED_AT_INVALID, DATA_INVALID, INDIVIDUAL_NUMBER_FOUND, RECORD_OWNER_CHANGED',
  })
  code?: RecordRejectionCode;

  @ApiPropertyOptional({ type: [RecordProblemDto] })
  errors?: RecordProblemDto[];
}

/** The answer to a deposit; sending the same batch again returns it unchanged. */
export class DepositResponseDto {
  @ApiProperty({ example: 'batch-2025-06-01-0001' })
  batchId: string;

  @ApiProperty({ type: [RecordResultDto] })
  results: RecordResultDto[];
}
