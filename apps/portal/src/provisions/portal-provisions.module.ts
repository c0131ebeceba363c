import { Module } from '@nestjs/common';
import { ProvisionModule } from '@infobank/provision';
import { ProvisionsController } from './provisions.controller';

/** The individual's provision history and its proofs at `/v1/me/provisions`. Needs the portal's sessions and the bank key ring. */
@Module({ imports: [ProvisionModule], controllers: [ProvisionsController] })
export class PortalProvisionsModule {}
