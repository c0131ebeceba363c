// The public surface of libs/catalog: organisations and their keys, data categories and purposes.
export { ActivateOrganisationUseCase } from './catalog/application/activate-organisation.use-case';
export { AddSigningKeyUseCase, type AddSigningKeyCommand } from './catalog/application/add-signing-key.use-case';
export { CATALOG_SETTINGS, DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from './catalog/application/catalog-settings';
export { CreateOrganisationUseCase, type CreateOrganisationCommand } from './catalog/application/create-organisation.use-case';
export {
  GetOrganisationUseCase,
  ListOrganisationsUseCase,
  type KeyFingerprint,
  type OrganisationDetails,
  type OrganisationSummary,
} from './catalog/application/operator-organisation-views.use-case';
export {
  SetEncryptionKeyUseCase,
  SetWebhookUseCase,
  type SetEncryptionKeyCommand,
  type SetWebhookCommand,
} from './catalog/application/operator-organisation-settings.use-case';
export {
  OrganisationDirectory,
  type OrganisationCredentials,
  type OrganisationProfile,
} from './catalog/application/organisation-directory';
export { MAX_SIGNING_KEYS } from './catalog/application/organisation-keys';
export { RemoveSigningKeyUseCase, type RemoveSigningKeyCommand } from './catalog/application/remove-signing-key.use-case';
export { SuspendOrganisationUseCase } from './catalog/application/suspend-organisation.use-case';
export * from './catalog.errors';
export { CatalogHttpModule } from './catalog-http.module';
export { CatalogModule } from './catalog.module';
export * from './catalog/domain/catalog';
export * from './catalog/domain/catalog-version';
export * from './catalog/domain/corporate-number';
export * from './catalog/domain/country-codes';
export * from './catalog/domain/data-categories';
export {
  JSON_SCHEMA_DIALECT,
  type DataCategory,
  type DataItem,
  type ItemSensitivity,
  type JsonSchema,
  type LocalisedText,
} from './catalog/domain/data-category';
export { isUuid } from './catalog/domain/identifiers';
export * from './catalog/domain/organisation';
export * from './catalog/domain/purposes';
export { CatalogController } from './catalog/http/catalog.controller';
export { CatalogDto, DataCategoryDto, DataItemDto, LocalisedTextDto, PurposeDto } from './catalog/http/catalog.dto';
export { CATALOG_ENTITIES } from './catalog/infrastructure/catalog.entities';
export { OrganisationSigningKeyEntity } from './catalog/infrastructure/organisation-signing-key.entity';
export { OrganisationEntity } from './catalog/infrastructure/organisation.entity';
export { OrganisationStore } from './catalog/infrastructure/organisation.store';
