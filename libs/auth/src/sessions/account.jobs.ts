import { defineJob } from '@infobank/platform';

/**
 * An individual's account was closed (退会). Written in the closing transaction; libraries that act
 * on the individual's behalf (the consent ledger) react to it. Carries the account id only.
 */
export const ACCOUNT_CLOSED_JOB = defineJob({ queue: 'revocations', name: 'account.closed', fields: { individualId: 'uuid' } });

/** The jobs libs/auth declares. */
export const ACCOUNT_JOBS = [ACCOUNT_CLOSED_JOB];
