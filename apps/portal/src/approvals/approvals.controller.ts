import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { DecideApprovalUseCase, ListOwnApprovalsUseCase } from '@infobank/consent';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { ApprovalDto, DecideApprovalDto, ListApprovalsQueryDto } from './dto/approvals.dto';

/** My ask-mode approval requests (個別確認): each provision under an `ask` consent waits for my answer. */
@ApiTags('approvals')
@Controller('v1/me/approvals')
@UseGuards(IndividualAuthGuard)
export class ApprovalsController {
  constructor(
    private readonly listApprovals: ListOwnApprovalsUseCase,
    private readonly decideApproval: DecideApprovalUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My approval requests, newest first (status=pending: only those still waiting)' })
  @ApiOkResponse({ type: [ApprovalDto] })
  list(@CurrentRequestContext() ctx: RequestContext, @Query() query: ListApprovalsQueryDto): Promise<ApprovalDto[]> {
    return this.listApprovals.execute(ctx, { pendingOnly: query.status === 'pending' });
  }

  @Post(':approvalRequestId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or deny one request before its timeout' })
  @ApiOkResponse({ type: ApprovalDto })
  @ApiNotFoundResponse({ description: 'APPROVAL_NOT_FOUND: you have no approval request with this id' })
  @ApiConflictResponse({ description: 'APPROVAL_ALREADY_DECIDED or APPROVAL_EXPIRED (no answer in time counts as a denial)' })
  decide(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('approvalRequestId') approvalRequestId: string,
    @Body() body: DecideApprovalDto,
  ): Promise<ApprovalDto> {
    return this.decideApproval.execute(ctx, { approvalRequestId, decision: body.decision });
  }
}
