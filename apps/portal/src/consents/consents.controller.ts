import { Body, Controller, Get, Header, Headers, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard, STEP_UP_HEADER } from '@infobank/auth';
import {
  GetConsentProofUseCase,
  GetOwnConsentUseCase,
  GrantConsentUseCase,
  ListConsentReceiptsUseCase,
  ListConsentsUseCase,
  PauseConsentUseCase,
  ResumeConsentUseCase,
  RevokeConsentUseCase,
  type ConsentChangeResult,
  type ConsentDetail,
  type ConsentEventView,
  type ConsentView,
} from '@infobank/consent';
import { ApiErrors, UuidParam, type RequestContext } from '@infobank/platform';
import { ConsentChangeDto, ConsentDetailDto, ConsentDto, ConsentEventDto, ConsentProofDto } from './dto/consent-views.dto';
import { ConsentProofQueryDto, GrantConsentDto, RevokeConsentDto } from './dto/consents.dto';
import { StepUpIfPresentGuard } from './step-up-if-present.guard';

/** My consents (同意): grant, pause, resume, revoke; their events, signed receipts and log proofs. */
@ApiTags('consents')
@Controller('v1/me/consents')
@UseGuards(IndividualAuthGuard)
@ApiErrors('CONSENT_NOT_FOUND')
export class ConsentsController {
  constructor(
    private readonly grant: GrantConsentUseCase,
    private readonly pause: PauseConsentUseCase,
    private readonly resume: ResumeConsentUseCase,
    private readonly revoke: RevokeConsentUseCase,
    private readonly list: ListConsentsUseCase,
    private readonly get: GetOwnConsentUseCase,
    private readonly receipts: ListConsentReceiptsUseCase,
    private readonly proof: GetConsentProofUseCase,
  ) {}

  @Post()
  @UseGuards(StepUpIfPresentGuard)
  @ApiOperation({ summary: 'Consent to an approved offer; sensitive items need X-Step-Up-Token (403 CONSENT_STEP_UP_REQUIRED)' })
  @ApiHeader({ name: 'X-Step-Up-Token', required: false, description: 'step-up token from POST /v1/auth/step-up' })
  @ApiCreatedResponse({ type: ConsentChangeDto })
  @ApiErrors(
    'OFFER_NOT_FOUND',
    'CONSENT_EXISTS',
    'CONSENT_STEP_UP_REQUIRED',
    'EMAIL_VERIFICATION_REQUIRED',
    'CONSENT_EXPIRY_NOT_IN_FUTURE',
    'TERMS_ACCEPTANCE_REQUIRED',
  )
  create(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: GrantConsentDto,
    @Headers(STEP_UP_HEADER) stepUpToken: string | undefined,
  ): Promise<ConsentChangeResult> {
    // StepUpIfPresentGuard has verified the token when one was sent.
    return this.grant.execute(ctx, { ...body, stepUp: stepUpToken !== undefined });
  }

  @Get()
  @ApiOperation({ summary: 'My consents, newest first' })
  @ApiOkResponse({ type: [ConsentDto] })
  findAll(@CurrentRequestContext() ctx: RequestContext): Promise<ConsentView[]> {
    return this.list.execute(ctx);
  }

  @Get(':consentId')
  @ApiOperation({ summary: 'One of my consents with its events and receipts' })
  @ApiOkResponse({ type: ConsentDetailDto })
  findOne(@CurrentRequestContext() ctx: RequestContext, @UuidParam('consentId') consentId: string): Promise<ConsentDetail> {
    return this.get.execute(ctx, consentId);
  }

  @Get(':consentId/receipts')
  @ApiOperation({ summary: "The bank's signed receipts of my consent, oldest first" })
  @ApiOkResponse({ type: [ConsentEventDto] })
  listReceipts(@CurrentRequestContext() ctx: RequestContext, @UuidParam('consentId') consentId: string): Promise<ConsentEventView[]> {
    return this.receipts.execute(ctx, consentId);
  }

  @Get(':consentId/proof')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Transparency log inclusion proof of an event of my consent (409 CONSENT_PROOF_PENDING until sealed)' })
  @ApiOkResponse({ type: ConsentProofDto })
  @ApiErrors('CONSENT_PROOF_PENDING')
  getProof(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('consentId') consentId: string,
    @Query() query: ConsentProofQueryDto,
  ): Promise<ConsentProofDto> {
    return this.proof.execute(ctx, consentId, query.event);
  }

  @Post(':consentId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause my consent (一時停止)' })
  @ApiOkResponse({ type: ConsentChangeDto })
  @ApiErrors('CONSENT_ALREADY_PAUSED', 'CONSENT_ENDED')
  pauseConsent(@CurrentRequestContext() ctx: RequestContext, @UuidParam('consentId') consentId: string): Promise<ConsentChangeResult> {
    return this.pause.execute(ctx, consentId);
  }

  @Post(':consentId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume my paused consent' })
  @ApiOkResponse({ type: ConsentChangeDto })
  @ApiErrors('CONSENT_NOT_PAUSED', 'CONSENT_ENDED')
  resumeConsent(@CurrentRequestContext() ctx: RequestContext, @UuidParam('consentId') consentId: string): Promise<ConsentChangeResult> {
    return this.resume.execute(ctx, consentId);
  }

  @Post(':consentId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke my consent (同意の撤回); revoking twice is 409 CONSENT_ALREADY_REVOKED' })
  @ApiOkResponse({ type: ConsentChangeDto })
  @ApiErrors('CONSENT_ALREADY_REVOKED', 'CONSENT_ENDED')
  revokeConsent(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('consentId') consentId: string,
    @Body() body: RevokeConsentDto,
  ): Promise<ConsentChangeResult> {
    return this.revoke.execute(ctx, consentId, { reason: body?.reason });
  }
}
