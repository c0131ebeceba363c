import { ApiProperty } from '@nestjs/swagger';

/** A published count: `{ suppressed: false, count }`, or `{ suppressed: true, count: null }` below the minimum cell. */
export class StatisticCellDto {
  @ApiProperty({ description: 'true when the count is below minCell (or hidden so that another hidden cell cannot be worked out)' })
  suppressed: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'null when suppressed (never 0 in its place)' })
  count: number | null;
}

class ConsentStatesDto {
  @ApiProperty({ type: StatisticCellDto })
  active: StatisticCellDto;

  @ApiProperty({ type: StatisticCellDto })
  paused: StatisticCellDto;

  @ApiProperty({ type: StatisticCellDto })
  revoked: StatisticCellDto;

  @ApiProperty({ type: StatisticCellDto })
  expired: StatisticCellDto;
}

class PurposeProvisionsDto {
  @ApiProperty({ example: 'marketing' })
  purposeCode: string;

  @ApiProperty({ type: StatisticCellDto })
  provisions: StatisticCellDto;
}

class StatisticsRecipientNameDto {
  @ApiProperty()
  ja: string;

  @ApiProperty({ required: false })
  en?: string;
}

class StatisticsRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: StatisticsRecipientNameDto, nullable: true })
  name: StatisticsRecipientNameDto | null;
}

class RecipientProvisionsDto {
  @ApiProperty({ type: StatisticsRecipientDto })
  recipient: StatisticsRecipientDto;

  @ApiProperty({ type: StatisticCellDto })
  provisions: StatisticCellDto;
}

class AttestationStatisticsDto {
  @ApiProperty({ type: StatisticCellDto, description: 'deletion attestations received in the month' })
  count: StatisticCellDto;

  @ApiProperty({ type: Number, nullable: true, description: 'median seconds from notice to attestation; null when suppressed or none' })
  medianSecondsToAttest: number | null;
}

class BoardDecisionsDto {
  @ApiProperty({ type: StatisticCellDto })
  approved: StatisticCellDto;

  @ApiProperty({ type: StatisticCellDto })
  rejected: StatisticCellDto;

  @ApiProperty({ type: StatisticCellDto })
  changes_requested: StatisticCellDto;
}

class TransparencyMonthDto {
  @ApiProperty({ example: '2026-11', description: 'calendar month in UTC; the current month counts up to now' })
  month: string;

  @ApiProperty({ type: StatisticCellDto, description: 'individuals with an account at the end of the month' })
  individuals: StatisticCellDto;

  @ApiProperty({ type: ConsentStatesDto, description: 'consents in each state at the end of the month' })
  consentsByState: ConsentStatesDto;

  @ApiProperty({ type: [PurposeProvisionsDto], description: 'provisions made in the month per purpose' })
  provisionsByPurpose: PurposeProvisionsDto[];

  @ApiProperty({ type: [RecipientProvisionsDto], description: 'provisions made in the month per recipient' })
  provisionsByRecipient: RecipientProvisionsDto[];

  @ApiProperty({ type: StatisticCellDto, description: 'consents revoked in the month' })
  revocations: StatisticCellDto;

  @ApiProperty({ type: AttestationStatisticsDto })
  attestations: AttestationStatisticsDto;

  @ApiProperty({ type: BoardDecisionsDto, description: "the board's decisions on offers in the month" })
  boardDecisions: BoardDecisionsDto;
}

class LatestCheckpointDto {
  @ApiProperty()
  treeSize: number;

  @ApiProperty()
  rootHash: string;

  @ApiProperty()
  time: string;

  @ApiProperty({ description: 'compact JWS by the bank; verify with /.well-known/jwks.json' })
  checkpoint: string;
}

/** The public transparency statistics (透明性統計). */
export class TransparencyStatisticsDto {
  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ description: 'counts below this are suppressed (TRANSPARENCY_MIN_CELL)' })
  minCell: number;

  @ApiProperty({ type: [TransparencyMonthDto], description: 'the last 12 months, oldest first' })
  months: TransparencyMonthDto[];

  @ApiProperty({ type: LatestCheckpointDto, nullable: true })
  latestCheckpoint: LatestCheckpointDto | null;
}
