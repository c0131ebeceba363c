import { defineJob } from '@infobank/platform';

/**
 * Tells the next page of an incident's affected individuals (portal notifications) and enqueues the page after
 * it; after the last, marks the incident notified. Payload: the incident's id only.
 */
export const NOTIFY_INCIDENT_PAGE_JOB = defineJob({
  queue: 'notifications',
  name: 'incidents.notify-page',
  fields: { incidentId: 'uuid' },
});

/** The jobs of incidents. */
export const INCIDENT_JOBS = [NOTIFY_INCIDENT_PAGE_JOB];
