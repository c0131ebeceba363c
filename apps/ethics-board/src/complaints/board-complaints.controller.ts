import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { ApiErrors, UuidParam, type RequestContext } from '@infobank/platform';
import {
  ComplaintCountsDto,
  CountComplaintsUseCase,
  DeskComplaintListDto,
  DeskComplaintThreadDto,
  GetEscalatedComplaintUseCase,
  ListEscalatedComplaintsUseCase,
  type ComplaintCounts,
  type DeskComplaintSummary,
  type DeskComplaintThread,
} from '@infobank/rights';

/** What the data ethics board sees of the complaints desk: escalated complaints, and counts with no personal data. */
@ApiTags('complaints')
@Controller('v1/complaints')
@UseGuards(BoardMemberAuthGuard)
export class BoardComplaintsController {
  constructor(
    private readonly escalated: ListEscalatedComplaintsUseCase,
    private readonly complaint: GetEscalatedComplaintUseCase,
    private readonly counts: CountComplaintsUseCase,
  ) {}

  @Get('escalated')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Complaints the desk escalated to the board, oldest first' })
  @ApiOkResponse({ type: DeskComplaintListDto })
  listEscalated(@CurrentRequestContext() ctx: RequestContext): Promise<{ complaints: DeskComplaintSummary[] }> {
    return this.escalated.execute(ctx).then((complaints) => ({ complaints }));
  }

  @Get('counts')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Counts of all complaints by category and by recipient (total, not closed, escalated)' })
  @ApiOkResponse({ type: ComplaintCountsDto })
  count(@CurrentRequestContext() ctx: RequestContext): Promise<ComplaintCounts> {
    return this.counts.execute(ctx);
  }

  @Get('escalated/:complaintId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'An escalated complaint and its thread (one not escalated is 404 COMPLAINT_NOT_FOUND)' })
  @ApiOkResponse({ type: DeskComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND')
  findOne(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') complaintId: string): Promise<DeskComplaintThread> {
    return this.complaint.execute(ctx, complaintId);
  }
}
