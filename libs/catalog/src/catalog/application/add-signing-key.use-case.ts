import { Injectable } from '@nestjs/common';
import type { JWK } from '@infobank/crypto';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { SigningKeyExistsError, TooManySigningKeysError } from '../../catalog.errors';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { requireOrganisationId } from './organisation-commands';
import { canonicalJwk, checkSigningKey, MAX_SIGNING_KEYS } from './organisation-keys';

/** Which key to register for which organisation. */
export interface AddSigningKeyCommand {
  organisationId: string;
  /** A public signing JWK (EdDSA, ES256 or PS256) with a kid. */
  jwk: JWK;
}

/**
 * Registers another public signing key (key rotation: add the new key, then remove the old one).
 * Adding the same key again changes nothing; another key under an existing kid is refused.
 */
@Injectable()
export class AddSigningKeyUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
  ) {}

  /** Returns the kid and whether the key was new. */
  async execute(ctx: RequestContext, command: AddSigningKeyCommand): Promise<{ kid: string; added: boolean }> {
    const organisationId = requireOrganisationId(command?.organisationId);
    const checked = await checkSigningKey(command.jwk, '/jwk');
    if (checked.key === undefined) throw new ValidationFailedError(checked.problems);
    const key = checked.key;
    const kid = key.kid as string;
    return this.transactions.run(ctx, async (tx) => {
      await this.organisations.lock(tx, organisationId);
      const keys = await this.organisations.signingKeysOf(tx, organisationId);
      const existing = keys.find((candidate) => candidate.kid === kid);
      if (existing !== undefined) {
        if (canonicalJwk(existing.jwk) === canonicalJwk(key)) return { kid, added: false };
        throw new SigningKeyExistsError(organisationId, kid);
      }
      if (keys.length >= MAX_SIGNING_KEYS) throw new TooManySigningKeysError(organisationId, MAX_SIGNING_KEYS);
      await this.organisations.addSigningKeys(tx, organisationId, [key]);
      return { kid, added: true };
    });
  }
}
