import { Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { CastVoteUseCase, GetReviewCaseUseCase, ListReviewCasesUseCase, RecuseFromCaseUseCase } from '@infobank/review';
import { StepUpRequired } from '../auth/step-up-required.decorator';
import { CastVoteDto, ListCasesQueryDto, RecusalDto } from './dto/case-requests.dto';
import { CaseDetailDto, CaseDto, CaseListDto } from './dto/case.dto';

/** The board's review cases: one per submitted round of an offer; members vote or recuse themselves. */
@ApiTags('cases')
@Controller('v1/cases')
@UseGuards(BoardMemberAuthGuard)
@ApiNotFoundResponse({ description: 'REVIEW_CASE_NOT_FOUND' })
export class CasesController {
  constructor(
    private readonly listCases: ListReviewCasesUseCase,
    private readonly getCase: GetReviewCaseUseCase,
    private readonly castVote: CastVoteUseCase,
    private readonly recuse: RecuseFromCaseUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Review cases, newest first; `status=open` for the ones awaiting votes' })
  @ApiOkResponse({ type: CaseListDto })
  async list(@CurrentRequestContext() ctx: RequestContext, @Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return { cases: await this.listCases.execute(ctx, { status: query.status }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: the offer, the recipient’s profile, past cases, orders and open notices' })
  @ApiOkResponse({ type: CaseDetailDto })
  get(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<CaseDetailDto> {
    return this.getCase.execute(ctx, id);
  }

  @Post(':id/votes')
  @StepUpRequired()
  @ApiOperation({ summary: 'Vote on the case (once per round); the vote completing the quorum decides it' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'ALREADY_VOTED, MEMBER_RECUSED or REVIEW_CASE_CLOSED' })
  vote(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string, @Body() body: CastVoteDto): Promise<CaseDto> {
    return this.castVote.execute(ctx, id, body);
  }

  @Post(':id/recusal')
  @ApiOperation({ summary: 'Recuse yourself from this round (your vote, if any, stops counting)' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'ALREADY_RECUSED or REVIEW_CASE_CLOSED' })
  recusal(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string, @Body() body: RecusalDto): Promise<CaseDto> {
    return this.recuse.execute(ctx, id, body);
  }
}
