import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_NOTIFICATIONS, NOTIFICATION_KINDS, type NotificationKind } from '@infobank/rights';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /v1/me/notifications` query. */
export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_NOTIFICATIONS, default: MAX_NOTIFICATIONS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_NOTIFICATIONS)
  limit?: number;
}

class BilingualTextDto {
  @ApiProperty()
  ja: string;

  @ApiProperty()
  en: string;
}

class BilingualLinesDto {
  @ApiProperty({ type: [String] })
  ja: string[];

  @ApiProperty({ type: [String] })
  en: string[];
}

class NotificationMessageDto {
  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: BilingualLinesDto, description: 'for a standing-condition consent: one line per criterion the bank checked' })
  lines: BilingualLinesDto;
}

class NotificationSubjectDto {
  @ApiProperty({ enum: ['consent', 'approval_request', 'offer', 'incident'] })
  type: 'consent' | 'approval_request' | 'offer' | 'incident';

  @ApiProperty({ format: 'uuid' })
  id: string;
}

/** One notification in my inbox (お知らせ). */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  notificationId: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ type: NotificationSubjectDto })
  subject: NotificationSubjectDto;

  @ApiProperty({ type: NotificationMessageDto })
  message: NotificationMessageDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: Date | null;
}

/** `POST /v1/me/notifications/read`: how many notifications it marked read. */
export class MarkedReadDto {
  @ApiProperty({ example: 3 })
  marked: number;
}
