import { ValidationFailedError } from '@infobank/platform';
import { isUuid } from '../domain/identifiers';

/** Refuses an organisation id that is not a UUID, naming the field. */
export function requireOrganisationId(organisationId: unknown): string {
  if (!isUuid(organisationId)) throw new ValidationFailedError([{ path: '/organisationId', message: 'must be a UUID' }]);
  return organisationId;
}
