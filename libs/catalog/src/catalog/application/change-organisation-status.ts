import type { Transactions, RequestContext } from '@infobank/platform';
import type { OrganisationStatus } from '../domain/organisation';
import type { OrganisationStore } from '../infrastructure/organisation.store';
import { requireOrganisationId } from './organisation-commands';

/** Moves an organisation to `status` (no-op when it is there already); shared by suspend and activate. */
export async function changeOrganisationStatus(
  ctx: RequestContext,
  using: { transactions: Transactions; organisations: OrganisationStore },
  organisationIdInput: unknown,
  status: OrganisationStatus,
): Promise<{ id: string; status: OrganisationStatus }> {
  const organisationId = requireOrganisationId(organisationIdInput);
  return using.transactions.run(ctx, async (tx) => {
    const organisation = await using.organisations.lock(tx, organisationId);
    if (organisation.status !== status) await using.organisations.setStatus(tx, organisationId, status);
    return { id: organisationId, status };
  });
}
