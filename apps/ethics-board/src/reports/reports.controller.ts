import { Body, Controller, Get, Header, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import {
  GeneratePeriodicReportUseCase,
  GetPeriodicReportUseCase,
  ListPeriodicReportsUseCase,
  PERIODIC_REPORT_JSON_SCHEMA,
  renderPeriodicReport,
  REPORT_STYLESHEET,
} from '@infobank/oversight';
import { ApiErrors, ApiPublic, UuidParam, type RequestContext } from '@infobank/platform';
import { ReportDto, ReportFormatQueryDto, ReportListDto, RequestReportDto } from './dto/report.dto';

/** The report page's policy: its own stylesheet only, nothing else (no script, no inline style). */
const REPORT_PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Periodic reports to the board (定期報告): monthly by schedule or on request, signed by the bank, never changed. */
@ApiTags('reports')
@Controller('v1/reports')
@UseGuards(BoardMemberAuthGuard)
export class ReportsController {
  constructor(
    private readonly generate: GeneratePeriodicReportUseCase,
    private readonly list: ListPeriodicReportsUseCase,
    private readonly get: GetPeriodicReportUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: "Write an ended month's report (201), or return the one it has (200)" })
  @ApiCreatedResponse({ type: ReportDto })
  @ApiErrors('REPORT_PERIOD_NOT_ENDED')
  async request(
    @CurrentRequestContext() ctx: RequestContext,
    @Body() body: RequestReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportDto> {
    const { created, ...report } = await this.generate.execute(ctx, body);
    reply.status(created ? 201 : 200);
    return report;
  }

  @Get()
  @ApiOperation({ summary: 'Past reports, newest month first' })
  @ApiOkResponse({ type: ReportListDto })
  async index(@CurrentRequestContext() ctx: RequestContext): Promise<ReportListDto> {
    return { reports: await this.list.execute(ctx) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report as JSON (with its JWS), one table as CSV, or the printable Japanese page' })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: ReportDto })
  @ApiErrors('REPORT_NOT_FOUND')
  async read(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportDto | string> {
    const rendered = renderPeriodicReport(await this.get.execute(ctx, id), query);
    reply.header('content-type', rendered.contentType);
    if (rendered.fileName !== undefined) reply.header('content-disposition', `attachment; filename="${rendered.fileName}"`);
    if (query.format === 'html') reply.header('content-security-policy', REPORT_PAGE_CSP);
    return rendered.body;
  }
}

/** What a report page and a verifier fetch without signing in: the stylesheet and the published JSON Schema. */
@ApiTags('reports')
@Controller('v1/reports')
@ApiPublic()
export class ReportAssetsController {
  @Get('schema.json')
  @ApiOperation({ summary: "The JSON Schema of a report's JSON" })
  @Header('content-type', 'application/schema+json')
  @Header('cache-control', 'public, max-age=3600')
  @ApiProduces('application/schema+json')
  @ApiOkResponse({ schema: { type: 'object', description: 'A JSON Schema (draft 2020-12)' } })
  schema(): Readonly<Record<string, unknown>> {
    return PERIODIC_REPORT_JSON_SCHEMA;
  }

  @Get('report.css')
  @ApiOperation({ summary: 'The stylesheet of the printable report page' })
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  @ApiProduces('text/css')
  @ApiOkResponse({ schema: { type: 'string' } })
  stylesheet(): string {
    return REPORT_STYLESHEET;
  }
}
