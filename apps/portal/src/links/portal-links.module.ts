import { Module } from '@nestjs/common';
import { VaultModule } from '@infobank/vault';
import { LinksController } from './links.controller';

/** The individual's provider links at `/v1/me/links`. Needs CatalogModule.forRoot() and the portal's sessions. */
@Module({ imports: [VaultModule], controllers: [LinksController] })
export class PortalLinksModule {}
