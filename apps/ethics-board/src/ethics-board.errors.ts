import { AUTH_ERROR_STATUS, SESSION_ERROR_STATUS } from '@infobank/auth';
import { CATALOG_ERROR_STATUS } from '@infobank/catalog';
import { DISCLOSURE_ERROR_STATUS } from '@infobank/disclosure';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { AUDIT_ERROR_STATUS, INCIDENTS_ERROR_STATUS, LOG_VERIFICATION_ERROR_STATUS, REPORTS_ERROR_STATUS } from '@infobank/oversight';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';
import { errorStatusOf } from '@infobank/platform';
import { REVIEW_ERROR_STATUS } from '@infobank/review';
import { REVOCATION_ERROR_STATUS } from '@infobank/revocation';
import { RIGHTS_ERROR_STATUS } from '@infobank/rights';

/**
 * HTTP status of every library error code the ethics board app can answer with (on top of the platform's):
 * every code of every library it imports (test/architecture/registries.spec.ts checks that none is missing).
 */
export const ETHICS_BOARD_ERROR_STATUS = errorStatusOf(
  SESSION_ERROR_STATUS,
  AUTH_ERROR_STATUS,
  CATALOG_ERROR_STATUS,
  OFFERS_ERROR_STATUS,
  REVIEW_ERROR_STATUS,
  REVOCATION_ERROR_STATUS,
  TRANSPARENCY_LOG_ERROR_STATUS,
  AUDIT_ERROR_STATUS,
  LOG_VERIFICATION_ERROR_STATUS,
  REPORTS_ERROR_STATUS,
  DISCLOSURE_ERROR_STATUS,
  RIGHTS_ERROR_STATUS,
  INCIDENTS_ERROR_STATUS,
);
