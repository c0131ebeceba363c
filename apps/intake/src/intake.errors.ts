import { AUTH_ERROR_STATUS, SESSION_ERROR_STATUS } from '@infobank/auth';
import { CATALOG_ERROR_STATUS } from '@infobank/catalog';
import { errorStatusOf } from '@infobank/platform';
import { RIGHTS_ERROR_STATUS } from '@infobank/rights';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';
import { VAULT_ERROR_STATUS } from '@infobank/vault';

/**
 * HTTP status of every library error code the intake can answer with (on top of the platform's): every
 * code of every library it imports (test/architecture/registries.spec.ts checks that none is missing).
 */
export const INTAKE_ERROR_STATUS = errorStatusOf(
  AUTH_ERROR_STATUS,
  SESSION_ERROR_STATUS,
  CATALOG_ERROR_STATUS,
  VAULT_ERROR_STATUS,
  TRANSPARENCY_LOG_ERROR_STATUS,
  RIGHTS_ERROR_STATUS,
);
