import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { ListBoardMembersUseCase } from '@infobank/review';
import { BoardMembersDto } from './dto/board-member.dto';

/** The board's composition, for its members. */
@ApiTags('board')
@Controller('v1/board/members')
@UseGuards(BoardMemberAuthGuard)
export class BoardMembersController {
  constructor(private readonly listMembers: ListBoardMembersUseCase) {}

  @Get()
  @ApiOkResponse({ type: BoardMembersDto })
  async members(@CurrentRequestContext() ctx: RequestContext): Promise<BoardMembersDto> {
    return { members: await this.listMembers.execute(ctx) };
  }
}
