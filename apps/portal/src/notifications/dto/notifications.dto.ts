import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_NOTIFICATIONS, NOTIFICATION_KINDS, type NotificationKind } from '@infobank/rights';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

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
  @ApiProperty({ enum: ['consent', 'approval_request', 'offer', 'disclosure', 'complaint', 'incident'] })
  type: 'consent' | 'approval_request' | 'offer' | 'disclosure' | 'complaint' | 'incident';

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

/** `GET /v1/me/notifications/unread-count`. */
export class UnreadCountDto {
  @ApiProperty({ example: 2 })
  unread: number;
}

/** Whether one kind of notification also comes by e-mail. */
export class NotificationEmailPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsString()
  @MaxLength(64)
  kind: string;

  @ApiProperty({ description: 'true: notifications of this kind are also mailed to my verified address' })
  @IsBoolean()
  email: boolean;
}

/** `PUT /v1/me/notification-preferences`: the kinds to change (others stay as they are). */
export class PutNotificationPreferencesDto {
  @ApiProperty({ type: [NotificationEmailPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationEmailPreferenceDto)
  preferences: NotificationEmailPreferenceDto[];
}

/** Every notification kind with whether it comes by e-mail too (my choice, or the kind's default). */
export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationEmailPreferenceDto] })
  preferences: NotificationEmailPreferenceDto[];
}
