import { Body, Controller, Get, Header, Put, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { GetNotificationPreferencesUseCase, PutNotificationPreferencesUseCase } from '@infobank/rights';
import { NotificationPreferencesDto, PutNotificationPreferencesDto } from './dto/notifications.dto';

/** Which of my notifications also reach me by e-mail (設定: メール通知). */
@ApiTags('notifications')
@Controller('v1/me/notification-preferences')
@UseGuards(IndividualAuthGuard)
export class NotificationPreferencesController {
  constructor(
    private readonly getPreferences: GetNotificationPreferencesUseCase,
    private readonly putPreferences: PutNotificationPreferencesUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Every notification kind and whether it is also mailed to me' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async get(@CurrentRequestContext() ctx: RequestContext): Promise<NotificationPreferencesDto> {
    return { preferences: await this.getPreferences.execute(ctx) };
  }

  @Put()
  @ApiOperation({ summary: 'Turn e-mail on or off for the kinds named; the others stay as they are' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown kind, a kind named twice, or a missing email flag' })
  async put(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: PutNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return { preferences: await this.putPreferences.execute(ctx, body.preferences) };
  }
}
