import { defineJob } from '@infobank/platform';

/**
 * A stop-use order took effect: written in the same transaction as the confirmation, so that the worker
 * stops work in flight under the offers it suspended and tells every recipient holding their data.
 */
export const STOP_USE_ORDER_EFFECTIVE_JOB = defineJob({
  queue: 'revocations',
  name: 'stop-use-order.effective',
  fields: { orderId: 'uuid' },
});

/** The jobs libs/review declares. */
export const REVIEW_JOBS = [STOP_USE_ORDER_EFFECTIVE_JOB];
