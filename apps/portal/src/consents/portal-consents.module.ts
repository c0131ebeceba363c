import { Module } from '@nestjs/common';
import { ConsentModule } from '@infobank/consent';
import { ConsentsController } from './consents.controller';
import { StepUpIfPresentGuard } from './step-up-if-present.guard';

/** The individual's consents at `/v1/me/consents`. Needs CatalogModule.forRoot(), the portal's sessions and the bank key ring. */
@Module({ imports: [ConsentModule], controllers: [ConsentsController], providers: [StepUpIfPresentGuard] })
export class PortalConsentsModule {}
