import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { OrganisationStatus } from '../domain/organisation';
import { changeOrganisationStatus } from './change-organisation-status';

/** Suspends an organisation: it gets no new tokens, and its live tokens stop working. Idempotent. */
@Injectable()
export class SuspendOrganisationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets status `suspended`; suspending a suspended organisation changes nothing. */
  execute(ctx: RequestContext, command: { organisationId: string }): Promise<{ id: string; status: OrganisationStatus }> {
    return changeOrganisationStatus(ctx, this.dataSource, command?.organisationId, 'suspended');
  }
}
