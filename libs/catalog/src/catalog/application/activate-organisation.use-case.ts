import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { OrganisationStatus } from '../domain/organisation';
import { changeOrganisationStatus } from './change-organisation-status';

/** Lets a suspended organisation authenticate again. Idempotent. */
@Injectable()
export class ActivateOrganisationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets status `active`; activating an active organisation changes nothing. */
  execute(ctx: RequestContext, command: { organisationId: string }): Promise<{ id: string; status: OrganisationStatus }> {
    return changeOrganisationStatus(ctx, this.dataSource, command?.organisationId, 'active');
  }
}
