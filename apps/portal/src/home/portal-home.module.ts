import { Module } from '@nestjs/common';
import { ApprovalsModule, ConsentModule } from '@infobank/consent';
import { ProvisionModule } from '@infobank/provision';
import { RightsModule } from '@infobank/rights';
import { VaultModule } from '@infobank/vault';
import { HomeController } from './home.controller';

/** The home screen's summary at `/v1/me/summary`. Needs CatalogModule.forRoot(), the portal's sessions and the bank key ring. */
@Module({ imports: [VaultModule, ConsentModule, ApprovalsModule, ProvisionModule, RightsModule], controllers: [HomeController] })
export class PortalHomeModule {}
