import { Module } from '@nestjs/common';
import { RevocationModule } from '@infobank/revocation';
import { VaultModule } from '@infobank/vault';
import { LinksController } from './links.controller';

/** The individual's provider links at `/v1/me/links`. Needs CatalogModule.forRoot() and the portal's sessions. */
@Module({ imports: [VaultModule, RevocationModule], controllers: [LinksController] })
export class PortalLinksModule {}
