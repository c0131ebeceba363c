import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, GetOwnAccountUseCase, IndividualAuthGuard, UpdateOwnAccountUseCase } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { MeDto, UpdateMeDto } from './dto/me.dto';

/** The signed-in individual's own account. */
@ApiTags('me')
@Controller('v1/me')
@UseGuards(IndividualAuthGuard)
export class MeController {
  constructor(
    private readonly ownAccount: GetOwnAccountUseCase,
    private readonly updateAccount: UpdateOwnAccountUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentRequestContext() ctx: RequestContext): Promise<MeDto> {
    return this.ownAccount.execute(ctx);
  }

  /** Changes my language (設定: 言語). */
  @Patch()
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: /language is not ja or en, or an unknown field' })
  update(@CurrentRequestContext() ctx: RequestContext, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.updateAccount.execute(ctx, { language: body.language });
  }
}
