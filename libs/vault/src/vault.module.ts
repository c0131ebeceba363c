import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { AccountClosureModule } from '@infobank/auth';
import { LINK_PROVIDERS } from './links/links.providers';
import { RECORD_PROVIDERS } from './records/records.providers';

const VAULT_PROVIDERS = [...LINK_PROVIDERS, ...RECORD_PROVIDERS];

/**
 * The vault: provider links, deposited records and erasure. Needs the platform (DataSource, REDIS,
 * APP_CONFIG), the bank's crypto (CryptoModule) and the catalog (CatalogModule.forRoot()); brings
 * libs/auth's account closure (anonymising the account and revoking its sessions).
 */
@Module({ imports: [AccountClosureModule, CatalogModule], providers: VAULT_PROVIDERS, exports: VAULT_PROVIDERS })
export class VaultModule {}
