import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountCheckedByRead,
  CurrentPendingAccountCheck,
  CurrentRequestContext,
  IndividualAuthGuard,
  type PendingAccountCheck,
} from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { GetProvisionProofUseCase, ListMyProvisionsUseCase } from '@infobank/provision';
import { ListMyProvisionsQueryDto, MyProvisionsPageDto, ProvisionProofDto } from './dto/provisions.dto';

/** My provision history (提供履歴): who received which of my data, when, under which consent, and its log proofs. */
@ApiTags('provisions')
@Controller('v1/me/provisions')
@UseGuards(IndividualAuthGuard)
export class ProvisionsController {
  constructor(
    private readonly list: ListMyProvisionsUseCase,
    private readonly proof: GetProvisionProofUseCase,
  ) {}

  @Get()
  @AccountCheckedByRead()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My provisions, newest first (cursor-paginated; filter by recipient, offer, from/to)' })
  @ApiOkResponse({ type: MyProvisionsPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming each bad parameter (/recipient, /offer, /from, /to, /cursor, /limit)' })
  findAll(
    @CurrentRequestContext() ctx: RequestContext,
    @Query() query: ListMyProvisionsQueryDto,
    @CurrentPendingAccountCheck() accountCheck: PendingAccountCheck | undefined,
  ): Promise<MyProvisionsPageDto> {
    const { recipient, offer, from, to, cursor, limit } = query;
    return this.list.execute(ctx, { recipient, offer, from, to, cursor, limit }, accountCheck);
  }

  @Get(':provisionId/proof')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Transparency log inclusion proof of one of my provisions (verify with `admin log:verify-proof`)' })
  @ApiOkResponse({ type: ProvisionProofDto })
  @ApiNotFoundResponse({ description: 'PROVISION_NOT_FOUND: no such provision among mine' })
  @ApiConflictResponse({ description: 'PROVISION_PROOF_NOT_READY: not sealed into the log yet; retry in a few seconds' })
  getProof(@CurrentRequestContext() ctx: RequestContext, @UuidParam('provisionId') provisionId: string): Promise<ProvisionProofDto> {
    return this.proof.execute(ctx, provisionId);
  }
}
