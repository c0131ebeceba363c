import { LINK_ERROR_STATUS } from './links/links.errors';
import { RECORD_ERROR_STATUS } from './records/records.errors';

/** HTTP status of every vault error code, for the apps' problem+json filter. */
export const VAULT_ERROR_STATUS: Readonly<Record<string, number>> = { ...LINK_ERROR_STATUS, ...RECORD_ERROR_STATUS };
