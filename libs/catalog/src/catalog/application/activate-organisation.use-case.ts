import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import type { OrganisationStatus } from '../domain/organisation';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { changeOrganisationStatus } from './change-organisation-status';

/** Lets a suspended organisation authenticate again. Idempotent. */
@Injectable()
export class ActivateOrganisationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
  ) {}

  /** Sets status `active`; activating an active organisation changes nothing. */
  execute(ctx: RequestContext, command: { organisationId: string }): Promise<{ id: string; status: OrganisationStatus }> {
    return changeOrganisationStatus(
      ctx,
      { transactions: this.transactions, organisations: this.organisations },
      command?.organisationId,
      'active',
    );
  }
}
