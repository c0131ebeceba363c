// The public surface of libs/catalog: organisations and their keys, data categories and purposes.
export { ActivateOrganisationUseCase } from './application/activate-organisation.use-case';
export { AddSigningKeyUseCase, type AddSigningKeyCommand } from './application/add-signing-key.use-case';
export { CATALOG_SETTINGS, DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from './application/catalog-settings';
export { CreateOrganisationUseCase, type CreateOrganisationCommand } from './application/create-organisation.use-case';
export { OrganisationDirectory, type OrganisationCredentials, type OrganisationProfile } from './application/organisation-directory';
export { MAX_SIGNING_KEYS } from './application/organisation-keys';
export { RemoveSigningKeyUseCase, type RemoveSigningKeyCommand } from './application/remove-signing-key.use-case';
export { SuspendOrganisationUseCase } from './application/suspend-organisation.use-case';
export * from './catalog.errors';
export { CatalogHttpModule } from './catalog-http.module';
export { CatalogModule } from './catalog.module';
export * from './domain/catalog';
export * from './domain/catalog-version';
export * from './domain/corporate-number';
export * from './domain/country-codes';
export * from './domain/data-categories';
export {
  JSON_SCHEMA_DIALECT,
  type DataCategory,
  type DataItem,
  type ItemSensitivity,
  type JsonSchema,
  type LocalisedText,
} from './domain/data-category';
export { isUuid } from './domain/identifiers';
export * from './domain/organisation';
export * from './domain/purposes';
export { CatalogController } from './http/catalog.controller';
export { CatalogDto, DataCategoryDto, DataItemDto, LocalisedTextDto, PurposeDto } from './http/catalog.dto';
export { CATALOG_ENTITIES } from './infrastructure/catalog.entities';
export { OrganisationSigningKeyEntity } from './infrastructure/organisation-signing-key.entity';
export { OrganisationEntity } from './infrastructure/organisation.entity';
