import { AUTH_ERROR_STATUS, SESSION_ERROR_STATUS } from '@infobank/auth';
import { CATALOG_ERROR_STATUS } from '@infobank/catalog';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { errorStatusOf } from '@infobank/platform';
import { RIGHTS_ERROR_STATUS } from '@infobank/rights';
import { PROVISION_ERROR_STATUS } from '@infobank/provision';
import { REVOCATION_ERROR_STATUS } from '@infobank/revocation';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';

/**
 * HTTP status of every library error code the gateway can answer with (on top of the platform's): every
 * code of every library it imports (test/architecture/registries.spec.ts checks that none is missing).
 */
export const GATEWAY_ERROR_STATUS = errorStatusOf(
  AUTH_ERROR_STATUS,
  SESSION_ERROR_STATUS,
  CATALOG_ERROR_STATUS,
  OFFERS_ERROR_STATUS,
  TRANSPARENCY_LOG_ERROR_STATUS,
  RIGHTS_ERROR_STATUS,
  PROVISION_ERROR_STATUS,
  REVOCATION_ERROR_STATUS,
);
