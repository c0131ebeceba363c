import { DomainError } from '@infobank/platform';

/** No incident has this id. */
export class IncidentNotFoundError extends DomainError<'INCIDENT_NOT_FOUND'> {
  constructor() {
    super('INCIDENT_NOT_FOUND', 'No incident has this id.');
  }
}

/** The step does not follow from the incident's state (`open → notifying → notified → closed`). */
export class IncidentStateConflictError extends DomainError<'INCIDENT_STATE_CONFLICT'> {
  constructor(reason: string) {
    super('INCIDENT_STATE_CONFLICT', reason);
  }
}

/** A stop-use order comes from a recipient breach only, and once. */
export class IncidentOrderNotPossibleError extends DomainError<'INCIDENT_ORDER_NOT_POSSIBLE'> {
  constructor(reason: string) {
    super('INCIDENT_ORDER_NOT_POSSIBLE', reason);
  }
}

/** The refusal code of incident routes for anyone but the board (and, once it exists, the complaints desk) and the operator. */
export const INCIDENTS_FORBIDDEN = 'INCIDENTS_FORBIDDEN';

/** Stable codes of the incidents' errors. */
export type IncidentsErrorCode =
  'INCIDENT_NOT_FOUND' | 'INCIDENT_STATE_CONFLICT' | 'INCIDENT_ORDER_NOT_POSSIBLE' | typeof INCIDENTS_FORBIDDEN;

/** HTTP status of each incidents error code. */
export const INCIDENTS_ERROR_STATUS: Readonly<Record<IncidentsErrorCode, number>> = {
  INCIDENT_NOT_FOUND: 404,
  INCIDENT_STATE_CONFLICT: 409,
  INCIDENT_ORDER_NOT_POSSIBLE: 409,
  INCIDENTS_FORBIDDEN: 403,
};
