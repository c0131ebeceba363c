import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import { DomainError, UuidParam, type RequestContext } from '@infobank/platform';
import {
  AttestNoticeUseCase,
  DELETION_ATTESTATION_JWS_TYPE,
  GetNoticeUseCase,
  ListNoticesUseCase,
  MAX_ATTESTATION_STATEMENT_LENGTH,
} from '@infobank/revocation';
import { JOSE_MEDIA_TYPE } from './attestation-body';
import { ListNoticesQueryDto, NoticeDto, NoticeListDto } from './dto/notice.dto';

/** Notices to delete data (consent withdrawn, expired, data life ended, erasure, stop-use order) and their deletion attestations. */
@ApiTags('notices')
@Controller('v1/notices')
@OrganisationRoute('recipient')
@ApiNotFoundResponse({ description: 'NOTICE_NOT_FOUND: no such notice, or another recipient’s' })
export class NoticesController {
  constructor(
    private readonly listNotices: ListNoticesUseCase,
    private readonly getNotice: GetNoticeUseCase,
    private readonly attestNotice: AttestNoticeUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notices, newest first (50 a page), optionally in one status' })
  @ApiOkResponse({ type: NoticeListDto })
  list(@OrganisationRequestContext() ctx: RequestContext, @Query() query: ListNoticesQueryDto): Promise<NoticeListDto> {
    return this.listNotices.execute(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A notice: the subjects and transfers to delete, why, and by when' })
  @ApiOkResponse({ type: NoticeDto })
  get(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<NoticeDto> {
    return this.getNotice.execute(ctx, id);
  }

  @Post(':id/attestation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Attest that you deleted the data a notice names (削除証明)',
    description:
      `The body is a compact JWS (typ ${DELETION_ATTESTATION_JWS_TYPE}) signed by one of your registered signing keys over exactly ` +
      '{ noticeId, subjects, transfers, deletedAt, statement }: the notice’s subjects and transfers (in any order), ' +
      `deletedAt an ISO instant between the notice’s issue and now, statement at most ${MAX_ATTESTATION_STATEMENT_LENGTH} characters. ` +
      'Sending the same JWS again answers the same.',
  })
  @ApiConsumes(JOSE_MEDIA_TYPE)
  @ApiBody({
    schema: {
      type: 'string',
      example: 'eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImRlbGV0aW9uLWF0dGVzdGF0aW9uK2p3cyJ9.eyJub3RpY2VJZCI6Ii4uLiJ9.…',
    },
  })
  @ApiOkResponse({ type: NoticeDto, description: 'the notice, now attested' })
  @ApiBadRequestResponse({
    description:
      'ATTESTATION_SIGNATURE_INVALID (not your registered key, algorithm or typ); ATTESTATION_INVALID (the payload does not match the notice; see errors)',
  })
  @ApiConflictResponse({ description: 'NOTICE_ALREADY_ATTESTED: the notice was attested with another attestation' })
  @ApiUnsupportedMediaTypeResponse({ description: `UNSUPPORTED_MEDIA_TYPE: send the attestation as ${JOSE_MEDIA_TYPE}` })
  attest(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string, @Body() body: unknown): Promise<NoticeDto> {
    if (typeof body !== 'string') {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the attestation as a compact JWS with Content-Type ${JOSE_MEDIA_TYPE}.`);
    }
    return this.attestNotice.execute(ctx, { noticeId: id, jws: body.trim() });
  }
}
