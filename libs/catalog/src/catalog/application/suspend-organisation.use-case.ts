import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import type { OrganisationStatus } from '../domain/organisation';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { changeOrganisationStatus } from './change-organisation-status';

/** Suspends an organisation: it gets no new tokens, and its live tokens stop working. Idempotent. */
@Injectable()
export class SuspendOrganisationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
  ) {}

  /** Sets status `suspended`; suspending a suspended organisation changes nothing. */
  execute(ctx: RequestContext, command: { organisationId: string }): Promise<{ id: string; status: OrganisationStatus }> {
    return changeOrganisationStatus(
      ctx,
      { transactions: this.transactions, organisations: this.organisations },
      command?.organisationId,
      'suspended',
    );
  }
}
