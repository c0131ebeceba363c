import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import {
  DownloadPartUseCase,
  GetTransferUseCase,
  ListTransfersUseCase,
  PACKAGE_JWE_TYPE,
  PACKAGE_JWS_TYPE,
  PACKAGE_MEDIA_TYPE,
  RequestTransferUseCase,
} from '@infobank/provision';
import type { FastifyReply } from 'fastify';
import { ListTransfersQueryDto, RequestTransferDto, TransferAcceptedDto, TransferDetailDto, TransferListDto } from './dto/transfer.dto';

/** Recipients request the data of consenting individuals under an approved offer and download it as encrypted parts. */
@ApiTags('transfers')
@Controller('v1/transfers')
@OrganisationRoute('recipient')
@ApiNotFoundResponse({ description: 'TRANSFER_NOT_FOUND: no such transfer, or another recipient’s' })
export class TransfersController {
  constructor(
    private readonly requestTransfer: RequestTransferUseCase,
    private readonly getTransfer: GetTransferUseCase,
    private readonly listTransfers: ListTransfersUseCase,
    private readonly downloadPart: DownloadPartUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Request a transfer under one of your approved offers',
    description:
      'Builds packages for the subjects named (pseudonymous ids), or for everyone with a consent to the offer. ' +
      'The same Idempotency-Key returns the same transfer (header Idempotent-Replayed: true).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1 to 255 visible ASCII characters, new for each request' })
  @ApiAcceptedResponse({ type: TransferAcceptedDto })
  @ApiConflictResponse({ description: 'OFFER_NOT_TRANSFERABLE (not approved, suspended, withdrawn or expired); ENCRYPTION_KEY_MISSING' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for a different request' })
  async request(
    @OrganisationRequestContext() ctx: RequestContext,
    @Body() body: RequestTransferDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransferAcceptedDto> {
    const { transferId, created } = await this.requestTransfer.execute(ctx, { ...body, idempotencyKey });
    if (!created) void reply.header('idempotent-replayed', 'true');
    return { transferId };
  }

  @Get()
  @ApiOperation({ summary: 'Your transfers, newest first (50 a page)' })
  @ApiOkResponse({ type: TransferListDto })
  list(@OrganisationRequestContext() ctx: RequestContext, @Query() query: ListTransfersQueryDto): Promise<TransferListDto> {
    return this.listTransfers.execute(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A transfer: status, parts, and each subject’s status (and why, if denied)' })
  @ApiOkResponse({ type: TransferDetailDto })
  get(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<TransferDetailDto> {
    return this.getTransfer.execute(ctx, id);
  }

  @Get(':id/parts/:part')
  @ApiOperation({
    summary: 'Download one part',
    description:
      `A compact JWE (typ ${PACKAGE_JWE_TYPE}, ECDH-ES+A256KW / A256GCM) to your encryption key, containing a JWS (typ ${PACKAGE_JWS_TYPE}) ` +
      'signed by the bank (verify it against /.well-known/jwks.json). Downloading records the provision; downloading again returns the same bytes ' +
      'while every consent behind the part still allows provision and none of its records was erased.',
  })
  @ApiProduces(PACKAGE_MEDIA_TYPE)
  @ApiOkResponse({ description: 'the part', schema: { type: 'string' } })
  @ApiConflictResponse({
    description:
      'PACKAGE_STALE: consents or records changed since the part was built (revocation, erasure…); it is being rebuilt, try again',
  })
  @ApiGoneResponse({
    description:
      'PART_GONE: the part expired, or no subject in it may be provided any more. PART_WITHDRAWN: a delivered part whose consent was ' +
      'revoked or ended, whose account closed, whose offer a stop-use order covers, or whose data was erased is not served again',
  })
  async download(
    @OrganisationRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Param('part') part: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = await this.downloadPart.execute(ctx, { transferId: id, part });
    void reply.header('content-type', PACKAGE_MEDIA_TYPE).header('cache-control', 'no-store');
    return body;
  }
}
