import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { ListOverdueNoticesUseCase, SummariseRecipientAttestationsUseCase } from '@infobank/revocation';
import { OverdueNoticeListDto, RecipientAttestationsListDto } from './dto/attestation-overview.dto';

/** How recipients answer deletion notices (削除証明): the overdue ones, and each recipient's record. */
@ApiTags('attestations')
@Controller('v1/attestations')
@UseGuards(BoardMemberAuthGuard)
export class AttestationsController {
  constructor(
    private readonly listOverdue: ListOverdueNoticesUseCase,
    private readonly summariseRecipients: SummariseRecipientAttestationsUseCase,
  ) {}

  @Get('overdue')
  @ApiOperation({ summary: 'Notices not attested by their due time, oldest due first' })
  @ApiOkResponse({ type: OverdueNoticeListDto })
  async overdue(@CurrentRequestContext() ctx: RequestContext): Promise<OverdueNoticeListDto> {
    return { notices: await this.listOverdue.execute(ctx) };
  }

  @Get('recipients')
  @ApiOperation({ summary: 'Per recipient: notices open, attested and overdue, and the median time to attest' })
  @ApiOkResponse({ type: RecipientAttestationsListDto })
  async recipients(@CurrentRequestContext() ctx: RequestContext): Promise<RecipientAttestationsListDto> {
    return { recipients: await this.summariseRecipients.execute(ctx) };
  }
}
