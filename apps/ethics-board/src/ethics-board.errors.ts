import { SESSION_ERROR_STATUS } from '@infobank/auth';
import { CATALOG_ERROR_STATUS } from '@infobank/catalog';
import { OFFERS_ERROR_STATUS } from '@infobank/offers';
import { LOG_VERIFICATION_ERROR_STATUS, REPORTS_ERROR_STATUS } from '@infobank/oversight';
import { TRANSPARENCY_LOG_ERROR_STATUS } from '@infobank/transparency-log';
import { REVIEW_ERROR_STATUS } from '@infobank/review';

/** HTTP status of every library error code the ethics board app can answer with (on top of the platform's). */
export const ETHICS_BOARD_ERROR_STATUS: Readonly<Record<string, number>> = {
  ...SESSION_ERROR_STATUS,
  ...CATALOG_ERROR_STATUS,
  ...OFFERS_ERROR_STATUS,
  ...REVIEW_ERROR_STATUS,
  ...TRANSPARENCY_LOG_ERROR_STATUS,
  ...LOG_VERIFICATION_ERROR_STATUS,
  ...REPORTS_ERROR_STATUS,
};
