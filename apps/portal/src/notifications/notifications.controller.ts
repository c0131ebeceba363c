import { Controller, Get, Header, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { CountUnreadNotificationsUseCase, ListOwnNotificationsUseCase, MarkNotificationsReadUseCase } from '@infobank/rights';
import type { FastifyReply } from 'fastify';
import { ListNotificationsQueryDto, MarkedReadDto, NotificationDto, UnreadCountDto } from './dto/notifications.dto';

/** The header carrying my unread count beside the list (the list body stays an array for existing clients). */
const UNREAD_COUNT_HEADER = 'x-unread-count';

/** My notifications (お知らせ): consents the bank granted on my behalf, approval requests, attested withdrawals; marking them read. */
@ApiTags('notifications')
@Controller('v1/me/notifications')
@UseGuards(IndividualAuthGuard)
export class NotificationsController {
  constructor(
    private readonly listNotifications: ListOwnNotificationsUseCase,
    private readonly countUnread: CountUnreadNotificationsUseCase,
    private readonly markRead: MarkNotificationsReadUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My notifications, newest first (text in Japanese and English); X-Unread-Count: how many of all are unread' })
  @ApiOkResponse({ type: [NotificationDto], headers: { 'X-Unread-Count': { schema: { type: 'integer' } } } })
  async list(
    @CurrentRequestContext() ctx: RequestContext,
    @Query() query: ListNotificationsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NotificationDto[]> {
    const [notifications, unread] = await Promise.all([
      this.listNotifications.execute(ctx, { limit: query.limit }),
      this.countUnread.execute(ctx),
    ]);
    void reply.header(UNREAD_COUNT_HEADER, String(unread));
    return notifications;
  }

  @Get('unread-count')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'How many of my notifications are unread (the navigation badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentRequestContext() ctx: RequestContext): Promise<UnreadCountDto> {
    return { unread: await this.countUnread.execute(ctx) };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every unread notification of mine read' })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@CurrentRequestContext() ctx: RequestContext): Promise<MarkedReadDto> {
    return this.markRead.markAll(ctx);
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification of mine read (idempotent: the first read time is kept)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'NOTIFICATION_NOT_FOUND: not one of mine' })
  async markOneRead(@CurrentRequestContext() ctx: RequestContext, @UuidParam('notificationId') notificationId: string): Promise<void> {
    await this.markRead.markOne(ctx, notificationId);
  }
}
