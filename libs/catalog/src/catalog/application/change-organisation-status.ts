import { inTransaction, type RequestContext } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import type { OrganisationStatus } from '../domain/organisation';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { lockOrganisation, requireOrganisationId } from './organisation-commands';

/** Moves an organisation to `status` (no-op when it is there already); shared by suspend and activate. */
export async function changeOrganisationStatus(
  ctx: RequestContext,
  dataSource: DataSource,
  organisationIdInput: unknown,
  status: OrganisationStatus,
): Promise<{ id: string; status: OrganisationStatus }> {
  const organisationId = requireOrganisationId(organisationIdInput);
  return inTransaction(ctx, dataSource, async (manager) => {
    const organisation = await lockOrganisation(manager, organisationId);
    if (organisation.status !== status) await manager.update(OrganisationEntity, { id: organisationId }, { status });
    return { id: organisationId, status };
  });
}
