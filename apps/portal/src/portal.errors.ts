import { SESSION_ERROR_STATUS } from '@infobank/auth';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { VAULT_ERROR_STATUS } from '@infobank/vault';

/** HTTP status of every library error code the portal can answer with (on top of the platform's). */
export const PORTAL_ERROR_STATUS: Readonly<Record<string, number>> = {
  ...SESSION_ERROR_STATUS,
  ...VAULT_ERROR_STATUS,
  ...OFFERS_ERROR_STATUS,
};
