import { defineJob } from '@infobank/platform';

/**
 * Evaluates the next page of individuals' standing conditions against an approved offer: those after
 * `afterIndividualId` (ids ascending). Each page is one job and one transaction; a full page enqueues the next.
 */
export const EVALUATE_STANDING_CONDITIONS_JOB = defineJob({
  queue: 'notifications',
  name: 'standing-conditions.evaluate-page',
  fields: { offerId: 'uuid', afterIndividualId: 'uuid' },
});

/** The jobs standing conditions declare (the first page starts from offers' OFFER_APPROVED_JOB). */
export const STANDING_CONDITION_JOBS = [EVALUATE_STANDING_CONDITIONS_JOB];
