import { Module } from '@nestjs/common';
import { StandingConditionsModule } from '@infobank/consent';
import { StandingConditionsController } from './standing-conditions.controller';

/** The individual's standing conditions at `/v1/me/standing-conditions`. Needs the portal's sessions. */
@Module({ imports: [StandingConditionsModule], controllers: [StandingConditionsController] })
export class PortalStandingConditionsModule {}
