import { SESSION_ERROR_STATUS } from '@infobank/auth';
import { APPROVAL_ERROR_STATUS, CONSENT_ERROR_STATUS } from '@infobank/consent';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { PROVISION_ERROR_STATUS } from '@infobank/provision';
import { RIGHTS_ERROR_STATUS } from '@infobank/rights';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';
import { VAULT_ERROR_STATUS } from '@infobank/vault';

/** HTTP status of every library error code the portal can answer with (on top of the platform's). */
export const PORTAL_ERROR_STATUS: Readonly<Record<string, number>> = {
  ...SESSION_ERROR_STATUS,
  ...VAULT_ERROR_STATUS,
  ...OFFERS_ERROR_STATUS,
  ...CONSENT_ERROR_STATUS,
  ...APPROVAL_ERROR_STATUS,
  ...TRANSPARENCY_LOG_ERROR_STATUS,
  ...PROVISION_ERROR_STATUS,
  ...RIGHTS_ERROR_STATUS,
};
