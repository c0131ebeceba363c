import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import { DomainError, type RequestContext } from '@infobank/platform';
import { DEPOSIT_BATCH_JWS_TYPE, DepositRecordsUseCase, MAX_RECORDS_PER_BATCH } from '@infobank/vault';
import type { FastifyReply } from 'fastify';
import { JOSE_MEDIA_TYPE } from './deposit-body';
import { DepositResponseDto } from './dto/deposit.dto';

/** Providers deposit signed batches of records about their linked customers (預託). */
@ApiTags('deposits')
@Controller('v1/deposits')
@OrganisationRoute('provider')
export class DepositsController {
  constructor(private readonly deposit: DepositRecordsUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deposit a signed batch of records about your linked customers',
    description:
      `The body is a compact JWS (typ ${DEPOSIT_BATCH_JWS_TYPE}) signed by one of your registered signing keys over ` +
      `{ batchId, records: [{ recordId, customerRef, category, observedAt, data }] }: at most ${MAX_RECORDS_PER_BATCH} records and 10 MB. ` +
      'Each record is judged on its own. The same batch sent again returns the first answer (header Idempotent-Replayed: true).',
  })
  @ApiConsumes(JOSE_MEDIA_TYPE)
  @ApiBody({
    schema: { type: 'string', example: 'eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImRlcG9zaXQtYmF0Y2grandzIn0.eyJiYXRjaElkIjoi...' },
  })
  @ApiOkResponse({
    type: DepositResponseDto,
    description: 'Per record: accepted, duplicate, superseded or rejected (with code and JSON pointers)',
  })
  @ApiBadRequestResponse({
    description:
      'The whole batch is refused and nothing is stored: DEPOSIT_JWS_INVALID, DEPOSIT_KEY_UNKNOWN, DEPOSIT_SIGNATURE_INVALID, DEPOSIT_PAYLOAD_INVALID',
  })
  @ApiConflictResponse({ description: 'BATCH_ID_REUSED: you sent a batch with other content under this batchId before' })
  @ApiPayloadTooLargeResponse({ description: `BODY_TOO_LARGE (over 10 MB) or DEPOSIT_TOO_LARGE (over ${MAX_RECORDS_PER_BATCH} records)` })
  @ApiUnsupportedMediaTypeResponse({ description: `UNSUPPORTED_MEDIA_TYPE: send the batch as ${JOSE_MEDIA_TYPE}` })
  async depositRecords(
    @OrganisationRequestContext() ctx: RequestContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DepositResponseDto> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the batch as a compact JWS with Content-Type ${JOSE_MEDIA_TYPE}.`);
    }
    const { response, replayed } = await this.deposit.execute(ctx, { jws: body });
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return response;
  }
}
