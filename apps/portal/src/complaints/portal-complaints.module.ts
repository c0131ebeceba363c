import { Module } from '@nestjs/common';
import { ConsentModule } from '@infobank/consent';
import { ProvisionModule } from '@infobank/provision';
import { ComplaintFilingModule } from '@infobank/rights';
import { PortalComplaintRelations } from './complaint-relations';
import { ComplaintsController } from './complaints.controller';

/**
 * The individual's complaints at `/v1/me/complaints`. Needs CatalogModule.forRoot(), the portal's sessions
 * and the bank's keys (texts are encrypted under the individual's data key).
 */
@Module({
  imports: [ComplaintFilingModule.forRoot({ relations: PortalComplaintRelations, imports: [ConsentModule, ProvisionModule] })],
  controllers: [ComplaintsController],
})
export class PortalComplaintsModule {}
