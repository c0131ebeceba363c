import { AUTH_SESSION_ENTITIES, ORGANISATION_CLIENT_ENTITIES } from '@infobank/auth';
import { CATALOG_ENTITIES } from '@infobank/catalog';
import { APPROVAL_ENTITIES, CONSENT_LEDGER_ENTITIES, STANDING_CONDITION_ENTITIES } from '@infobank/consent';
import { CRYPTO_ENTITIES } from '@infobank/crypto';
import { DISCLOSURE_ENTITIES } from '@infobank/disclosure';
import { IDENTITY_ENTITIES } from '@infobank/identity';
import { OFFER_ENTITIES } from '@infobank/offers';
import { OVERSIGHT_ENTITIES } from '@infobank/oversight';
import { PROVISION_ENTITIES } from '@infobank/provision';
import { PLATFORM_ENTITIES } from '@infobank/platform';
import { TRANSPARENCY_LOG_ENTITIES } from '@infobank/transparency-log';
import { REVIEW_ENTITIES } from '@infobank/review';
import { REVOCATION_ENTITIES } from '@infobank/revocation';
import { RIGHTS_ENTITIES } from '@infobank/rights';
import { VAULT_ENTITIES } from '@infobank/vault';
import { MIGRATIONS } from './migrations';

export { MIGRATIONS };

/** Every entity of every library: the schema the migrations must produce (checked by a test). */
export const ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...CRYPTO_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CATALOG_ENTITIES,
  ...AUTH_SESSION_ENTITIES,
  ...ORGANISATION_CLIENT_ENTITIES,
  ...REVIEW_ENTITIES,
  ...VAULT_ENTITIES,
  ...OFFER_ENTITIES,
  ...TRANSPARENCY_LOG_ENTITIES,
  ...CONSENT_LEDGER_ENTITIES,
  ...STANDING_CONDITION_ENTITIES,
  ...APPROVAL_ENTITIES,
  ...RIGHTS_ENTITIES,
  ...PROVISION_ENTITIES,
  ...REVOCATION_ENTITIES,
  ...OVERSIGHT_ENTITIES,
  ...DISCLOSURE_ENTITIES,
];

/** What every process hands the platform: the entities and the migrations that build their tables. */
export const SCHEMA = { entities: ENTITIES, migrations: MIGRATIONS };
