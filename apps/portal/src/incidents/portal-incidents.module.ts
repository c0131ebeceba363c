import { Module } from '@nestjs/common';
import { IncidentsModule } from '@infobank/oversight';
import { MyIncidentsController } from './my-incidents.controller';

/** Incidents that affected the signed-in individual, at `/v1/me/incidents`. */
@Module({ imports: [IncidentsModule], controllers: [MyIncidentsController] })
export class PortalIncidentsModule {}
