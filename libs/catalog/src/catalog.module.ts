import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { ActivateOrganisationUseCase } from './catalog/application/activate-organisation.use-case';
import { AddSigningKeyUseCase } from './catalog/application/add-signing-key.use-case';
import { CATALOG_SETTINGS, type CatalogSettings } from './catalog/application/catalog-settings';
import { CreateOrganisationUseCase } from './catalog/application/create-organisation.use-case';
import { GetOrganisationUseCase, ListOrganisationsUseCase } from './catalog/application/operator-organisation-views.use-case';
import { SetEncryptionKeyUseCase, SetWebhookUseCase } from './catalog/application/operator-organisation-settings.use-case';
import { OrganisationDirectory } from './catalog/application/organisation-directory';
import { RemoveSigningKeyUseCase } from './catalog/application/remove-signing-key.use-case';
import { SuspendOrganisationUseCase } from './catalog/application/suspend-organisation.use-case';
import { OrganisationStore } from './catalog/infrastructure/organisation.store';

const ORGANISATION_PROVIDERS = [
  OrganisationDirectory,
  CreateOrganisationUseCase,
  AddSigningKeyUseCase,
  RemoveSigningKeyUseCase,
  SuspendOrganisationUseCase,
  ActivateOrganisationUseCase,
  ListOrganisationsUseCase,
  GetOrganisationUseCase,
  SetEncryptionKeyUseCase,
  SetWebhookUseCase,
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
    OrganisationStore,
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
