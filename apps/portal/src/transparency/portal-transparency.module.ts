import { Module } from '@nestjs/common';
import { TransparencyStatisticsModule } from '@infobank/oversight';
import { TransparencyController } from './transparency.controller';

/** The public transparency statistics at `/v1/transparency` (no sign-in). */
@Module({ imports: [TransparencyStatisticsModule], controllers: [TransparencyController] })
export class PortalTransparencyModule {}
