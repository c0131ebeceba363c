import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { ValidationFailedError, type RequestContext, type TransactionalContext, requireBankActor } from '@infobank/platform';
import type { GrantedConsent } from '../domain/consent';
import { ConsentStore } from '../infrastructure/consent.store';

/** Most consents one call locks. */
export const MAX_LOCKED_CONSENTS = 1_000;

/**
 * Re-reads consents at provision time under a share lock (invariant 2, docs/architecture.md §4.2): a revocation or expiry
 * (an UPDATE of the consent row) that commits before the lock is seen here, and one that comes after
 * waits until the caller's transaction commits. Requires the caller's transaction; rows are locked in
 * id order so that two callers cannot deadlock. Unknown ids are absent from the map.
 */
@Injectable()
export class LockConsentsForProvisionUseCase {
  constructor(private readonly consents: ConsentStore) {}

  async execute(ctx: RequestContext, command: { consentIds: readonly string[] }): Promise<Map<string, GrantedConsent>> {
    requireBankActor(ctx, { detail: "Locking consents for provision is for the bank's own processes only" });
    if (ctx.transaction === undefined)
      throw new Error('Locking consents for provision needs the caller’s transaction (the lock ends with it)');
    const ids = [...new Set(command.consentIds)];
    if (ids.length > MAX_LOCKED_CONSENTS)
      throw new ValidationFailedError([{ path: '/consentIds', message: `must list at most ${MAX_LOCKED_CONSENTS} consents` }]);
    const badIndex = command.consentIds.findIndex((id) => !isUuid(id));
    if (badIndex >= 0) throw new ValidationFailedError([{ path: `/consentIds/${badIndex}`, message: 'must be a uuid' }]);
    if (ids.length === 0) return new Map();
    return this.consents.lockForProvision(ctx as TransactionalContext, ids);
  }
}
