import { ApiProperty } from '@nestjs/swagger';

class DisclosureStatusCountsDto {
  @ApiProperty() requested: number;
  @ApiProperty() building: number;
  @ApiProperty() ready: number;
  @ApiProperty() expired: number;
}

/** How timely the bank answers disclosure requests. */
export class DisclosureTimelinessDto {
  @ApiProperty({ description: 'DISCLOSURE_DUE_DAYS' })
  dueDays: number;

  @ApiProperty()
  total: number;

  @ApiProperty({ type: DisclosureStatusCountsDto })
  byStatus: DisclosureStatusCountsDto;

  @ApiProperty({ description: 'ready after the due date, or still not ready past it' })
  overdue: number;

  @ApiProperty({ description: 'still not ready past the due date' })
  openOverdue: number;

  @ApiProperty({ nullable: true, type: Number, description: 'median hours from request to ready' })
  medianHoursToReady: number | null;

  @ApiProperty({ nullable: true, type: Number })
  maxHoursToReady: number | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'the oldest request not ready yet' })
  oldestOpenRequestedAt: string | null;
}
