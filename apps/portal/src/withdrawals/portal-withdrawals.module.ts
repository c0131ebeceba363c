import { Module } from '@nestjs/common';
import { RevocationModule } from '@infobank/revocation';
import { WithdrawalsController } from './withdrawals.controller';

/** The individual's view of withdrawal at `/v1/me/consents/:id/withdrawal`. Needs the portal's sessions and the bank key ring. */
@Module({ imports: [RevocationModule], controllers: [WithdrawalsController] })
export class PortalWithdrawalsModule {}
