import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@infobank/consent';
import { ApprovalsController } from './approvals.controller';

/** The individual's ask-mode approval requests at `/v1/me/approvals`. Needs the portal's sessions. */
@Module({ imports: [ApprovalsModule], controllers: [ApprovalsController] })
export class PortalApprovalsModule {}
