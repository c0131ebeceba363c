import { defineJob } from '@infobank/platform';

/** Opens the board's review case for an offer's round; written to the outbox when the offer is submitted. */
export const OPEN_REVIEW_CASE_JOB = defineJob({
  queue: 'notifications',
  name: 'review.open-case',
  fields: { offerId: 'uuid', round: 'integer' },
});

/** An offer was approved by the board (not suspended); written in the same transaction. Standing conditions are evaluated against it. */
export const OFFER_APPROVED_JOB = defineJob({
  queue: 'notifications',
  name: 'offers.approved',
  fields: { offerId: 'uuid', round: 'integer' },
});

/** The jobs libs/offers declares (their handlers live with the board's review and with consent's standing conditions). */
export const OFFER_JOBS = [OPEN_REVIEW_CASE_JOB, OFFER_APPROVED_JOB];
