import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { GetLogVerificationUseCase, ListBoardNotificationsUseCase, StartLogVerificationUseCase } from '@infobank/oversight';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { BoardNotificationListDto, LogVerificationDto, StartLogVerificationDto } from './dto/log-verification.dto';

/** Full log verification: the board checks the transparency log and the ledgers under it without trusting the bank's word. */
@ApiTags('audit')
@Controller('v1')
@UseGuards(BoardMemberAuthGuard)
export class LogVerificationsController {
  constructor(
    private readonly start: StartLogVerificationUseCase,
    private readonly get: GetLogVerificationUseCase,
    private readonly notifications: ListBoardNotificationsUseCase,
  ) {}

  @Post('audit/log-verifications')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a full log verification (worked by the worker, page by page)' })
  @ApiAcceptedResponse({ type: LogVerificationDto })
  create(@CurrentRequestContext() ctx: RequestContext, @Body() body: StartLogVerificationDto): Promise<LogVerificationDto> {
    return this.start.execute(ctx, body);
  }

  @Get('audit/log-verifications/:id')
  @ApiOperation({ summary: "A verification's progress, or its result signed by the bank" })
  @ApiOkResponse({ type: LogVerificationDto })
  @ApiNotFoundResponse({ description: 'LOG_VERIFICATION_NOT_FOUND' })
  read(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<LogVerificationDto> {
    return this.get.execute(ctx, id);
  }

  @Get('board/notifications')
  @ApiOperation({ summary: "The board's notifications, newest first (a failed log verification raises one)" })
  @ApiOkResponse({ type: BoardNotificationListDto })
  async list(@CurrentRequestContext() ctx: RequestContext): Promise<BoardNotificationListDto> {
    return { notifications: await this.notifications.execute(ctx) };
  }
}
