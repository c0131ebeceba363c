import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { INCIDENT_KINDS, INCIDENT_STATES, ListMyIncidentsUseCase, type IncidentKind, type IncidentState } from '@infobank/oversight';
import type { RequestContext } from '@infobank/platform';

class MyIncidentItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: { ja: '購入日時', en: 'Purchase time' } }) label: { ja: string; en: string };
}

/** An incident that affected me, with the ids of my provisions it concerns (shown beside them in 提供履歴). */
class MyIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ enum: INCIDENT_STATES }) state: IncidentState;
  @ApiProperty({ nullable: true, description: 'the organisation where it happened (none for the bank itself)' })
  organisation: { id: string; name: { ja: string; en: string } } | null;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [MyIncidentItemDto] }) items: MyIncidentItemDto[];
  @ApiProperty() records: number;
  @ApiProperty({ type: [String], description: 'ids of my provisions it concerns' }) provisionIds: string[];
  @ApiProperty({ format: 'date-time' }) notifiedAt: string;
}

class MyIncidentListDto {
  @ApiProperty({ type: [MyIncidentDto] })
  incidents: MyIncidentDto[];
}

/** Incidents that affected me (情報漏えい等の事案), once the bank has told me about them. */
@ApiTags('provisions')
@Controller('v1/me/incidents')
@UseGuards(IndividualAuthGuard)
export class MyIncidentsController {
  constructor(private readonly list: ListMyIncidentsUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Incidents that affected me, newest first, with the provisions of mine each concerns' })
  @ApiOkResponse({ type: MyIncidentListDto })
  async index(@CurrentRequestContext() ctx: RequestContext): Promise<MyIncidentListDto> {
    return { incidents: await this.list.execute(ctx) };
  }
}
