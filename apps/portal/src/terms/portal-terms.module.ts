import { Module } from '@nestjs/common';
import { TermsModule } from '@infobank/rights';
import { TermsController } from './terms.controller';

/** The individuals' terms at `/v1/terms/current`, `/v1/me/terms` and `/v1/me/terms/accept`. Needs the portal's sessions. */
@Module({ imports: [TermsModule], controllers: [TermsController] })
export class PortalTermsModule {}
