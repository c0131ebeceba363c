import { ValidationFailedError } from '@infobank/platform';
import { type EntityManager } from 'typeorm';
import { OrganisationNotFoundError } from '../../catalog.errors';
import { isUuid } from '../domain/identifiers';
import { OrganisationEntity } from '../infrastructure/organisation.entity';

/** Refuses an organisation id that is not a UUID, naming the field. */
export function requireOrganisationId(organisationId: unknown): string {
  if (!isUuid(organisationId)) throw new ValidationFailedError([{ path: '/organisationId', message: 'must be a UUID' }]);
  return organisationId;
}

/** Loads the organisation and locks its row until the transaction ends, so key changes are serialised. */
export async function lockOrganisation(manager: EntityManager, organisationId: string): Promise<OrganisationEntity> {
  const organisation = await manager.findOne(OrganisationEntity, { where: { id: organisationId }, lock: { mode: 'pessimistic_write' } });
  if (organisation === null) throw new OrganisationNotFoundError(organisationId);
  return organisation;
}
