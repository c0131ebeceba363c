import { Body, Controller, Get, Header, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import {
  disclosureSchema,
  DownloadDisclosureUseCase,
  GetMyDisclosureUseCase,
  IssueDisclosureDownloadTokenUseCase,
  ListMyDisclosuresUseCase,
  listDisclosureSchemas,
  RequestDisclosureUseCase,
  type DisclosureView,
} from '@infobank/disclosure';
import { ApiPublic, UuidParam, type RequestContext } from '@infobank/platform';
import type { FastifyReply } from 'fastify';
import { DisclosureDownloadTokenDto, DisclosureDto, DownloadDisclosureDto, RequestDisclosureDto } from './dto/disclosures.dto';

/** My disclosure requests (開示請求): ask, follow, and get a single-use download token. */
@ApiTags('disclosures')
@Controller('v1/me/disclosures')
@UseGuards(IndividualAuthGuard)
export class DisclosuresController {
  constructor(
    private readonly request: RequestDisclosureUseCase,
    private readonly list: ListMyDisclosuresUseCase,
    private readonly get: GetMyDisclosureUseCase,
    private readonly issueToken: IssueDisclosureDownloadTokenUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for disclosure of what the bank holds about me; the worker builds the bundle' })
  @ApiAcceptedResponse({ type: DisclosureDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: /scope is not "all" or a list of sections, /format is not json or csv' })
  @ApiConflictResponse({ description: 'DISCLOSURE_IN_PROGRESS: an earlier request is still being prepared' })
  create(@CurrentRequestContext() ctx: RequestContext, @Body() body: RequestDisclosureDto): Promise<DisclosureView> {
    return this.request.execute(ctx, { ...body });
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My disclosure requests, newest first' })
  @ApiOkResponse({ type: DisclosureDto, isArray: true })
  all(@CurrentRequestContext() ctx: RequestContext): Promise<DisclosureView[]> {
    return this.list.execute(ctx);
  }

  @Get(':disclosureId')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: DisclosureDto })
  @ApiNotFoundResponse({ description: 'DISCLOSURE_NOT_FOUND' })
  one(@CurrentRequestContext() ctx: RequestContext, @UuidParam('disclosureId') disclosureId: string): Promise<DisclosureView> {
    return this.get.execute(ctx, disclosureId);
  }

  @Post(':disclosureId/download-token')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A single-use token to download the ready bundle (valid DISCLOSURE_TOKEN_SECONDS)' })
  @ApiCreatedResponse({ type: DisclosureDownloadTokenDto })
  @ApiNotFoundResponse({ description: 'DISCLOSURE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DISCLOSURE_NOT_READY' })
  @ApiGoneResponse({ description: 'DISCLOSURE_EXPIRED' })
  token(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('disclosureId') disclosureId: string,
  ): Promise<DisclosureDownloadTokenDto> {
    return this.issueToken.execute(ctx, disclosureId);
  }
}

/**
 * The download itself: the token (not a session) is the credential, sent in the body so that it never
 * appears in a URL, a log line or the browser's history.
 */
@ApiTags('disclosures')
@Controller('v1/disclosures')
export class DisclosureDownloadController {
  constructor(private readonly download: DownloadDisclosureUseCase) {}

  @Post('download')
  @HttpCode(200)
  // The single-use token in the body is the credential: a download link works without the access token.
  @ApiPublic()
  @ApiOperation({ summary: 'Download a bundle (a tar archive) with a single-use token' })
  @ApiProduces('application/x-tar')
  @ApiOkResponse({
    description: 'the bundle: README.md, one file per section, manifest.json and manifest.jws',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiUnauthorizedResponse({ description: 'DISCLOSURE_TOKEN_INVALID: unknown, used or expired' })
  @ApiGoneResponse({ description: 'DISCLOSURE_EXPIRED' })
  async post(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: DownloadDisclosureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const bundle = await this.download.execute(ctx, body.token);
    void reply
      .header('content-type', 'application/x-tar')
      .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
      .header('cache-control', 'no-store');
    return bundle.content;
  }
}

/** The JSON Schemas of every file of a disclosure bundle (data portability): public, no sign-in. */
@ApiTags('disclosures')
@Controller('v1/disclosure-schemas')
@ApiPublic()
export class DisclosureSchemasController {
  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The file names of every published disclosure schema' })
  @ApiOkResponse({ type: String, isArray: true })
  all(): string[] {
    return listDisclosureSchemas();
  }

  @Get(':file')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'One schema, e.g. records.schema.json, records.csv.schema.json or manifest.schema.json' })
  @ApiProduces('application/schema+json')
  @ApiOkResponse({ schema: { type: 'object', description: 'A JSON Schema (draft 2020-12)' } })
  @ApiNotFoundResponse({ description: 'DISCLOSURE_SCHEMA_NOT_FOUND' })
  one(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Record<string, unknown> {
    const schema = disclosureSchema(file);
    void reply.header('content-type', 'application/schema+json');
    return schema;
  }
}
