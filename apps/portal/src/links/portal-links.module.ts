import { Module } from '@nestjs/common';
import { RevocationModule } from '@infobank/revocation';
import { VaultModule } from '@infobank/vault';
import { LinksController } from './links.controller';
import { ProvidersController } from './providers.controller';

/** The individual's provider links at `/v1/me/links` and the providers to link at `/v1/providers`. Needs CatalogModule.forRoot() and the portal's sessions. */
@Module({ imports: [VaultModule, RevocationModule], controllers: [LinksController, ProvidersController] })
export class PortalLinksModule {}
