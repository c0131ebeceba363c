import { OrganisationSigningKeyEntity } from './organisation-signing-key.entity';
import { OrganisationEntity } from './organisation.entity';

/** The entities libs/catalog contributes to the application's data source. */
export const CATALOG_ENTITIES = [OrganisationEntity, OrganisationSigningKeyEntity];
