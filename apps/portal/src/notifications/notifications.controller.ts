import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { ListOwnNotificationsUseCase } from '@infobank/rights';
import { ListNotificationsQueryDto, NotificationDto } from './dto/notifications.dto';

/** My notifications (お知らせ): consents the bank granted on my behalf, approval requests. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/notifications')
@UseGuards(IndividualAuthGuard)
export class NotificationsController {
  constructor(private readonly listNotifications: ListOwnNotificationsUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My notifications, newest first (text in Japanese and English)' })
  @ApiOkResponse({ type: [NotificationDto] })
  list(@CurrentRequestContext() ctx: RequestContext, @Query() query: ListNotificationsQueryDto): Promise<NotificationDto[]> {
    return this.listNotifications.execute(ctx, { limit: query.limit });
  }
}
