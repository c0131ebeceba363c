import { AUTH_ERROR_STATUS, SESSION_ERROR_STATUS } from '@infobank/auth';
import { CATALOG_ERROR_STATUS } from '@infobank/catalog';
import { APPROVAL_ERROR_STATUS, CONSENT_ERROR_STATUS } from '@infobank/consent';
import { DISCLOSURE_ERROR_STATUS } from '@infobank/disclosure';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { AUDIT_ERROR_STATUS, INCIDENTS_ERROR_STATUS, LOG_VERIFICATION_ERROR_STATUS, REPORTS_ERROR_STATUS } from '@infobank/oversight';
import { errorStatusOf } from '@infobank/platform';
import { PROVISION_ERROR_STATUS } from '@infobank/provision';
import { RIGHTS_ERROR_STATUS } from '@infobank/rights';
import { REVOCATION_ERROR_STATUS } from '@infobank/revocation';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';
import { VAULT_ERROR_STATUS } from '@infobank/vault';

/**
 * HTTP status of every library error code the portal can answer with (on top of the platform's): every
 * code of every library the portal imports (test/architecture/registries.spec.ts checks that none is missing).
 */
export const PORTAL_ERROR_STATUS = errorStatusOf(
  SESSION_ERROR_STATUS,
  AUTH_ERROR_STATUS,
  CATALOG_ERROR_STATUS,
  VAULT_ERROR_STATUS,
  OFFERS_ERROR_STATUS,
  CONSENT_ERROR_STATUS,
  APPROVAL_ERROR_STATUS,
  TRANSPARENCY_LOG_ERROR_STATUS,
  PROVISION_ERROR_STATUS,
  REVOCATION_ERROR_STATUS,
  RIGHTS_ERROR_STATUS,
  AUDIT_ERROR_STATUS,
  LOG_VERIFICATION_ERROR_STATUS,
  REPORTS_ERROR_STATUS,
  DISCLOSURE_ERROR_STATUS,
  INCIDENTS_ERROR_STATUS,
);
