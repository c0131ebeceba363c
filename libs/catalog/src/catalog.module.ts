import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { ActivateOrganisationUseCase } from './application/activate-organisation.use-case';
import { AddSigningKeyUseCase } from './application/add-signing-key.use-case';
import { CATALOG_SETTINGS, type CatalogSettings } from './application/catalog-settings';
import { CreateOrganisationUseCase } from './application/create-organisation.use-case';
import { OrganisationDirectory } from './application/organisation-directory';
import { RemoveSigningKeyUseCase } from './application/remove-signing-key.use-case';
import { SuspendOrganisationUseCase } from './application/suspend-organisation.use-case';

const ORGANISATION_PROVIDERS = [
  OrganisationDirectory,
  CreateOrganisationUseCase,
  AddSigningKeyUseCase,
  RemoveSigningKeyUseCase,
  SuspendOrganisationUseCase,
  ActivateOrganisationUseCase,
];

/** Local webhooks are a development convenience; production never accepts them. */
function settingsFrom(config: AppConfig | undefined): CatalogSettings {
  return { allowLocalWebhooks: config !== undefined && config.environment !== 'production' };
}

/**
 * Organisations and their keys: the OrganisationDirectory client authentication reads, and the
 * operator's use cases. Needs TypeORM's DataSource (PlatformModule); `forRoot()` makes it global.
 */
@Module({
  providers: [
    ...ORGANISATION_PROVIDERS,
    { provide: CATALOG_SETTINGS, useFactory: settingsFrom, inject: [{ token: APP_CONFIG, optional: true }] },
  ],
  exports: ORGANISATION_PROVIDERS,
})
export class CatalogModule {
  /** The same module registered once for the whole application. */
  static forRoot(): DynamicModule {
    return { module: CatalogModule, global: true };
  }
}
