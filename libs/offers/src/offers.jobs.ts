import { defineJob } from '@infobank/platform';

/** Opens the board's review case for an offer's round; written to the outbox when the offer is submitted. */
export const OPEN_REVIEW_CASE_JOB = defineJob({
  queue: 'notifications',
  name: 'review.open-case',
  fields: { offerId: 'uuid', round: 'integer' },
});

/** The jobs libs/offers declares (their handlers live with the board's review, in libs/review). */
export const OFFER_JOBS = [OPEN_REVIEW_CASE_JOB];
