import { Module } from '@nestjs/common';
import { RevocationModule } from '@infobank/revocation';
import { VaultModule } from '@infobank/vault';
import { AccountClosureController } from '../me/account-closure.controller';
import { DataController } from './data.controller';

/**
 * My deposited data at `/v1/me/data` (summary, records, erasure) and closing my account at
 * `DELETE /v1/me`. Needs CatalogModule.forRoot() and the portal's sessions.
 */
@Module({ imports: [VaultModule, RevocationModule], controllers: [DataController, AccountClosureController] })
export class PortalDataModule {}
