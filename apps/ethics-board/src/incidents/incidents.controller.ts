import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, BoardOrStaffAuthGuard, CurrentRequestContext } from '@infobank/auth';
import {
  CloseIncidentUseCase,
  GetIncidentUseCase,
  GetRegulatorReportUseCase,
  ListIncidentAffectedUseCase,
  ListIncidentsUseCase,
  OpenIncidentUseCase,
  ProposeOrderFromIncidentUseCase,
  StartIncidentNotificationUseCase,
} from '@infobank/oversight';
import { ApiErrors, UuidParam, type RequestContext } from '@infobank/platform';
import { StepUpRequired } from '../auth/step-up-required.decorator';
import { OrderDto } from '../orders/dto/order.dto';
import {
  AffectedPageDto,
  AffectedQueryDto,
  CloseIncidentDto,
  IncidentDto,
  IncidentListDto,
  OpenIncidentDto,
  ProposeIncidentOrderDto,
} from './dto/incident.dto';

const text = { type: 'object', properties: { ja: { type: 'string' }, en: { type: 'string' } } };
const dateTime = { type: 'string', format: 'date-time' };

/** The regulator report's shape (infobank-incident-report/1): counts and item names, never an individual's data. */
const REGULATOR_REPORT_SCHEMA = {
  type: 'object',
  required: [
    'format',
    'incidentId',
    'kind',
    'state',
    'discoveredAt',
    'period',
    'numberOfPeople',
    'records',
    'items',
    'cause',
    'generatedAt',
  ],
  properties: {
    format: { type: 'string', enum: ['infobank-incident-report/1'] },
    labels: { type: 'object', description: 'Each field’s name in Japanese and English', additionalProperties: text },
    incidentId: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    state: { type: 'string' },
    organisation: {
      type: 'object',
      nullable: true,
      properties: {
        id: { type: 'string', format: 'uuid' },
        corporateNumber: { type: 'string', nullable: true },
        name: { ...text, nullable: true },
      },
    },
    discoveredAt: dateTime,
    period: { type: 'object', properties: { from: dateTime, to: dateTime } },
    numberOfPeople: { type: 'integer' },
    records: { type: 'integer' },
    items: { type: 'array', items: { type: 'object', description: 'An exposed item: its id, category and how many records held it' } },
    cause: { type: 'string' },
    measures: { type: 'string', nullable: true },
    responseToIndividuals: {
      type: 'object',
      properties: {
        notifiedPeople: { type: 'integer' },
        startedAt: { ...dateTime, nullable: true },
        completedAt: { ...dateTime, nullable: true },
      },
    },
    stopUseOrderId: { type: 'string', format: 'uuid', nullable: true },
    generatedAt: dateTime,
  },
};

/**
 * Incidents (情報漏えい等の事案): impact from provision history or the vault, telling the affected, closing,
 * the stop-use order and the regulator report. Board members and the complaints desk's
 * staff here; the operator through the CLI.
 */
@ApiTags('incidents')
@Controller('v1/incidents')
@UseGuards(BoardOrStaffAuthGuard)
export class IncidentsController {
  constructor(
    private readonly open: OpenIncidentUseCase,
    private readonly list: ListIncidentsUseCase,
    private readonly get: GetIncidentUseCase,
    private readonly affected: ListIncidentAffectedUseCase,
    private readonly notify: StartIncidentNotificationUseCase,
    private readonly close: CloseIncidentUseCase,
    private readonly proposeOrder: ProposeOrderFromIncidentUseCase,
    private readonly regulatorReport: GetRegulatorReportUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open an incident; its affected individuals are computed at once' })
  @ApiCreatedResponse({ type: IncidentDto })
  create(@CurrentRequestContext() ctx: RequestContext, @Body() body: OpenIncidentDto): Promise<IncidentDto> {
    return this.open.execute(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Incidents, newest first' })
  @ApiOkResponse({ type: IncidentListDto })
  async index(@CurrentRequestContext() ctx: RequestContext): Promise<IncidentListDto> {
    return { incidents: await this.list.execute(ctx) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident with its steps' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiNotFoundResponse({ description: 'INCIDENT_NOT_FOUND' })
  read(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<IncidentDto> {
    return this.get.execute(ctx, id);
  }

  @Get(':id/affected')
  @ApiOperation({ summary: 'The affected individuals, by pseudonymous ids: items, records, consents and provisions of each' })
  @ApiOkResponse({ type: AffectedPageDto })
  @ApiNotFoundResponse({ description: 'INCIDENT_NOT_FOUND' })
  affectedPage(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Query() query: AffectedQueryDto,
  ): Promise<AffectedPageDto> {
    return this.affected.execute(ctx, id, query);
  }

  @Post(':id/notify')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Tell every affected individual (open → notifying; the worker ends it at notified). Repeating it changes nothing',
  })
  @ApiOkResponse({ type: IncidentDto })
  @ApiNotFoundResponse({ description: 'INCIDENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'INCIDENT_STATE_CONFLICT: the incident is closed' })
  startNotifying(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<IncidentDto> {
    return this.notify.execute(ctx, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the incident once everyone affected was told (notified → closed)' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiConflictResponse({ description: 'INCIDENT_STATE_CONFLICT' })
  @ApiErrors('INCIDENT_NOT_FOUND')
  closeIncident(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Body() body: CloseIncidentDto,
  ): Promise<IncidentDto> {
    return this.close.execute(ctx, id, body);
  }

  @Post(':id/stop-use-order')
  // Board members only, with a fresh step-up like every order. Decorators apply bottom-up, so the member
  // guard runs first: staff get 403 FORBIDDEN, never a step-up request.
  @StepUpRequired()
  @UseGuards(BoardMemberAuthGuard)
  @ApiOperation({ summary: 'Propose a stop-use order on the breached recipient in one step (a second member confirms it at /v1/orders)' })
  @ApiCreatedResponse({ type: OrderDto })
  @ApiConflictResponse({ description: 'INCIDENT_ORDER_NOT_POSSIBLE: not a recipient breach, or already proposed' })
  @ApiErrors('INCIDENT_NOT_FOUND', 'FORBIDDEN')
  propose(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Body() body: ProposeIncidentOrderDto,
  ): Promise<OrderDto> {
    return this.proposeOrder.execute(ctx, id, body);
  }

  @Get(':id/regulator-report')
  @ApiOperation({
    summary: 'The report to the Personal Information Protection Commission: people, items, cause, measures (no personal data)',
  })
  @ApiOkResponse({ description: 'the report (format infobank-incident-report/1)', schema: REGULATOR_REPORT_SCHEMA })
  @ApiNotFoundResponse({ description: 'INCIDENT_NOT_FOUND' })
  report(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<Record<string, unknown>> {
    return this.regulatorReport.execute(ctx, id);
  }
}
