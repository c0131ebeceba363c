import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import {
  GetRecipientAuditUseCase,
  ListProvisionsForAuditUseCase,
  ListTransfersForAuditUseCase,
  SummariseProvisionsUseCase,
} from '@infobank/oversight';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { ProvisionAuditQueryDto, ProvisionSummaryQueryDto, TransferAuditQueryDto } from './dto/audit-query.dto';
import { AuditedProvisionsPageDto, AuditedTransfersPageDto, ProvisionSummaryDto } from './dto/audit-response.dto';
import { RecipientAuditDto } from './dto/recipient-audit.dto';

/** The board audits what the bank provided (監査): provisions, transfers and each recipient. Pseudonymous ids only. */
@ApiTags('audit')
@Controller('v1/audit')
@UseGuards(BoardMemberAuthGuard)
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid board access token' })
@ApiForbiddenResponse({ description: 'NOT_A_BOARD_MEMBER' })
export class AuditController {
  constructor(
    private readonly listProvisions: ListProvisionsForAuditUseCase,
    private readonly summariseProvisions: SummariseProvisionsUseCase,
    private readonly listTransfers: ListTransfersForAuditUseCase,
    private readonly recipientAudit: GetRecipientAuditUseCase,
  ) {}

  @Get('provisions')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Provision records, newest first (cursor-paginated; filter by recipient, offer, purpose, category, from/to)' })
  @ApiOkResponse({ type: AuditedProvisionsPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming each bad parameter' })
  provisions(@CurrentRequestContext() ctx: RequestContext, @Query() query: ProvisionAuditQueryDto): Promise<AuditedProvisionsPageDto> {
    return this.listProvisions.execute(ctx, { ...query });
  }

  @Get('provisions/summary')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Provisions, distinct subjects and records by recipient × purpose × category × day, week or month' })
  @ApiOkResponse({ type: ProvisionSummaryDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming each bad parameter (bucket is required)' })
  summary(@CurrentRequestContext() ctx: RequestContext, @Query() query: ProvisionSummaryQueryDto): Promise<ProvisionSummaryDto> {
    return this.summariseProvisions.execute(ctx, { ...query });
  }

  @Get('transfers')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Transfers, newest first, with their subjects per outcome and denied subjects per reason' })
  @ApiOkResponse({ type: AuditedTransfersPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming each bad parameter' })
  transfers(@CurrentRequestContext() ctx: RequestContext, @Query() query: TransferAuditQueryDto): Promise<AuditedTransfersPageDto> {
    return this.listTransfers.execute(ctx, { ...query });
  }

  @Get('recipients/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One recipient: offers and reviews, provisions per month, revocations, notices, stop-use orders' })
  @ApiOkResponse({ type: RecipientAuditDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'AUDIT_RECIPIENT_NOT_FOUND' })
  recipient(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<RecipientAuditDto> {
    return this.recipientAudit.execute(ctx, id);
  }
}
