import { Module } from '@nestjs/common';
import { RightsModule } from '@infobank/rights';
import { BenefitsController } from './benefits.controller';

/** The individual's benefits ledger at `/v1/me/benefits`. Needs the portal's sessions. */
@Module({ imports: [RightsModule], controllers: [BenefitsController] })
export class PortalBenefitsModule {}
