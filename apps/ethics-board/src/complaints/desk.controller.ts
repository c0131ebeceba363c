import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, StaffAuthGuard } from '@infobank/auth';
import { ApiErrors, UuidParam, type RequestContext } from '@infobank/platform';
import {
  CloseComplaintUseCase,
  DeskComplaintListDto,
  DeskComplaintThreadDto,
  EscalateComplaintUseCase,
  GetDeskComplaintUseCase,
  ListComplaintQueueUseCase,
  ListOverdueComplaintsUseCase,
  OverdueComplaintsDto,
  ReplyToComplaintUseCase,
  RequestComplaintInformationUseCase,
  TriageComplaintUseCase,
  type DeskComplaintSummary,
  type DeskComplaintThread,
} from '@infobank/rights';
import { ComplaintQueueQueryDto, DeskMessageDto, EscalationDto, TriageDto } from './dto/complaints.dto';

/** The complaints desk (苦情相談窓口): staff only (a board member's token is 403). Every step is timestamped with who took it. */
@ApiTags('complaints desk')
@Controller('v1/desk/complaints')
@UseGuards(StaffAuthGuard)
export class DeskComplaintsController {
  constructor(
    private readonly queue: ListComplaintQueueUseCase,
    private readonly overdue: ListOverdueComplaintsUseCase,
    private readonly complaint: GetDeskComplaintUseCase,
    private readonly triage: TriageComplaintUseCase,
    private readonly reply: ReplyToComplaintUseCase,
    private readonly requestInformation: RequestComplaintInformationUseCase,
    private readonly escalate: EscalateComplaintUseCase,
    private readonly close: CloseComplaintUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The queue, oldest first, with SLA timers; filter by status, category, escalated, overdue' })
  @ApiOkResponse({ type: DeskComplaintListDto })
  list(
    @CurrentRequestContext() ctx: RequestContext,
    @Query() query: ComplaintQueueQueryDto,
  ): Promise<{ complaints: DeskComplaintSummary[] }> {
    return this.queue.execute(ctx, ComplaintQueueQueryDto.toQuery(query)).then((complaints) => ({ complaints }));
  }

  @Get('overdue')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Overdue lists: no first answer within COMPLAINT_FIRST_REPLY_HOURS; not closed within COMPLAINT_RESOLVE_DAYS' })
  @ApiOkResponse({ type: OverdueComplaintsDto })
  listOverdue(@CurrentRequestContext() ctx: RequestContext): Promise<OverdueComplaintsDto> {
    return this.overdue.execute(ctx);
  }

  @Get(':complaintId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A complaint and its whole thread' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND')
  findOne(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') complaintId: string): Promise<DeskComplaintThread> {
    return this.complaint.execute(ctx, complaintId);
  }

  @Post(':complaintId/triage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Triage: priority and, if needed, the corrected category' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  triageComplaint(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') id: string, @Body() body: TriageDto) {
    return this.triage.execute(ctx, id, body);
  }

  @Post(':complaintId/replies')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer the individual (they are notified: complaint_answered)' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  replyTo(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') id: string, @Body() body: DeskMessageDto) {
    return this.reply.execute(ctx, id, body);
  }

  @Post(':complaintId/information-requests')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the individual for information (they are notified and answer in the portal)' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  askForInformation(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') id: string, @Body() body: DeskMessageDto) {
    return this.requestInformation.execute(ctx, id, body);
  }

  @Post(':complaintId/escalation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Escalate to the data ethics board, with an optional note for the board' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  escalateToBoard(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') id: string, @Body() body: EscalationDto) {
    return this.escalate.execute(ctx, id, body);
  }

  @Post(':complaintId/closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with an explanation to the individual (they are notified)' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  closeComplaint(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') id: string, @Body() body: DeskMessageDto) {
    return this.close.execute(ctx, id, body);
  }
}
