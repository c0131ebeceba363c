import { Injectable } from '@nestjs/common';
import { inTransaction, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { LastSigningKeyError, SigningKeyNotFoundError } from '../../catalog.errors';
import { OrganisationSigningKeyEntity } from '../infrastructure/organisation-signing-key.entity';
import { lockOrganisation, requireOrganisationId } from './organisation-commands';

/** Which key to withdraw from which organisation. */
export interface RemoveSigningKeyCommand {
  organisationId: string;
  kid: string;
}

/**
 * Withdraws a signing key: assertions signed with it are refused from then on. The last key cannot
 * be removed (the organisation could never authenticate again); add its replacement first.
 */
@Injectable()
export class RemoveSigningKeyUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** Removes the key, or throws SIGNING_KEY_NOT_FOUND / LAST_SIGNING_KEY. */
  async execute(ctx: RequestContext, command: RemoveSigningKeyCommand): Promise<{ kid: string }> {
    const organisationId = requireOrganisationId(command?.organisationId);
    const kid = command.kid;
    if (typeof kid !== 'string' || kid.length === 0)
      throw new ValidationFailedError([{ path: '/kid', message: 'must be a non-empty string' }]);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      await lockOrganisation(manager, organisationId);
      const keys = await manager.find(OrganisationSigningKeyEntity, {
        where: { organisationId },
        select: { kid: true, organisationId: true },
      });
      if (!keys.some((key) => key.kid === kid)) throw new SigningKeyNotFoundError(organisationId, kid);
      if (keys.length === 1) throw new LastSigningKeyError(organisationId);
      await manager.delete(OrganisationSigningKeyEntity, { organisationId, kid });
      return { kid };
    });
  }
}
