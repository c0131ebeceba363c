import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWK } from '@infobank/crypto';
import { requireBankActor, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { webhookUrlProblem } from '../domain/organisation';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { CATALOG_SETTINGS, DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from './catalog-settings';
import { requireOrganisationId } from './organisation-commands';
import { canonicalJwk, checkEncryptionKey } from './organisation-keys';

/** Which encryption key to register for which organisation (`org:set-encryption-key`). */
export interface SetEncryptionKeyCommand {
  organisationId: string;
  /** A public X25519 or P-256 JWK that packages will be encrypted to (ECDH-ES+A256KW). */
  jwk: JWK;
}

/**
 * Replaces the key packages are encrypted to. Packages built from now on use the new key; a package
 * built before stays encrypted to the old one. The same key again changes nothing. Operator only.
 */
@Injectable()
export class SetEncryptionKeyUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
  ) {}

  async execute(ctx: RequestContext, command: SetEncryptionKeyCommand): Promise<{ id: string; kid: string | null; changed: boolean }> {
    requireBankActor(ctx);
    const organisationId = requireOrganisationId(command?.organisationId);
    const checked = await checkEncryptionKey(command.jwk, '/jwk');
    if (checked.key === undefined) throw new ValidationFailedError(checked.problems);
    const key = checked.key;
    return this.transactions.run(ctx, async (tx) => {
      const organisation = await this.organisations.lock(tx, organisationId);
      const changed = canonicalJwk(organisation.encryptionJwk) !== canonicalJwk(key);
      if (changed) await this.organisations.setEncryptionKey(tx, organisationId, key);
      return { id: organisationId, kid: typeof key.kid === 'string' ? key.kid : null, changed };
    });
  }
}

/** Where an organisation takes notices (`org:set-webhook`); null stops webhooks (it then pulls notices). */
export interface SetWebhookCommand {
  organisationId: string;
  webhookUrl: string | null;
}

/**
 * Sets or clears the URL notices are posted to, checked as at registration (HTTPS, no local or private
 * address outside development). Setting the same URL again changes nothing. Operator only.
 */
@Injectable()
export class SetWebhookUseCase {
  private readonly settings: CatalogSettings;

  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationStore,
    @Optional() @Inject(CATALOG_SETTINGS) settings?: CatalogSettings,
  ) {
    this.settings = settings ?? DEFAULT_CATALOG_SETTINGS;
  }

  async execute(ctx: RequestContext, command: SetWebhookCommand): Promise<{ id: string; webhookUrl: string | null; changed: boolean }> {
    requireBankActor(ctx);
    const organisationId = requireOrganisationId(command?.organisationId);
    const webhookUrl = command.webhookUrl;
    if (webhookUrl !== null) {
      const problem = webhookUrlProblem(webhookUrl, { allowLocalWebhooks: this.settings.allowLocalWebhooks });
      if (problem !== undefined) throw new ValidationFailedError([{ path: '/webhookUrl', message: problem }]);
    }
    return this.transactions.run(ctx, async (tx) => {
      const organisation = await this.organisations.lock(tx, organisationId);
      const changed = organisation.webhookUrl !== webhookUrl;
      if (changed) await this.organisations.setWebhookUrl(tx, organisationId, webhookUrl);
      return { id: organisationId, webhookUrl, changed };
    });
  }
}
