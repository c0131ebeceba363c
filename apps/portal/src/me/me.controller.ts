import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, GetOwnAccountUseCase, IndividualAuthGuard } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { MeDto } from './dto/me.dto';

/** The signed-in individual's own account. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
@UseGuards(IndividualAuthGuard)
export class MeController {
  constructor(private readonly ownAccount: GetOwnAccountUseCase) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentRequestContext() ctx: RequestContext): Promise<MeDto> {
    return this.ownAccount.execute(ctx);
  }
}
