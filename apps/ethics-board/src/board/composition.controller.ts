import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { GetBoardCompositionUseCase } from '@infobank/review';
import { BoardCompositionDto } from './dto/composition.dto';

/** How the board is composed (the guideline wants outside members and a spread of expertise). */
@ApiTags('board')
@Controller('v1/board/composition')
@UseGuards(BoardMemberAuthGuard)
export class BoardCompositionController {
  constructor(private readonly composition: GetBoardCompositionUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Members by expertise and the external share, with warnings for what is missing' })
  @ApiOkResponse({ type: BoardCompositionDto })
  get(@CurrentRequestContext() ctx: RequestContext): Promise<BoardCompositionDto> {
    return this.composition.execute(ctx);
  }
}
