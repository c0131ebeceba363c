import { Injectable } from '@nestjs/common';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { LastSigningKeyError, SigningKeyNotFoundError } from '../../catalog.errors';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { requireOrganisationId } from './organisation-commands';

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
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
  ) {}

  /** Removes the key, or throws SIGNING_KEY_NOT_FOUND / LAST_SIGNING_KEY. */
  async execute(ctx: RequestContext, command: RemoveSigningKeyCommand): Promise<{ kid: string }> {
    const organisationId = requireOrganisationId(command?.organisationId);
    const kid = command.kid;
    if (typeof kid !== 'string' || kid.length === 0)
      throw new ValidationFailedError([{ path: '/kid', message: 'must be a non-empty string' }]);
    return this.transactions.run(ctx, async (tx) => {
      await this.organisations.lock(tx, organisationId);
      const keys = await this.organisations.signingKeysOf(tx, organisationId);
      if (!keys.some((key) => key.kid === kid)) throw new SigningKeyNotFoundError(organisationId, kid);
      if (keys.length === 1) throw new LastSigningKeyError(organisationId);
      await this.organisations.removeSigningKey(tx, organisationId, kid);
      return { kid };
    });
  }
}
