import { Module } from '@nestjs/common';
import { DisclosureRequestsModule } from '@infobank/disclosure';
import { DisclosureDownloadController, DisclosureSchemasController, DisclosuresController } from './disclosures.controller';

/** Disclosure requests at `/v1/me/disclosures`, downloads and the published schemas. Needs the portal's sessions. */
@Module({
  imports: [DisclosureRequestsModule],
  controllers: [DisclosuresController, DisclosureDownloadController, DisclosureSchemasController],
})
export class PortalDisclosuresModule {}
