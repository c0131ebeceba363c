import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { requireBankActor, ValidationFailedError, type RequestContext } from '@infobank/platform';
import type { GrantedConsent } from '../domain/consent';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { stateOfRow } from '../infrastructure/consent-state.mapper';

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
  async execute(ctx: RequestContext, command: { consentIds: readonly string[] }): Promise<Map<string, GrantedConsent>> {
    requireBankActor(ctx, { detail: "Locking consents for provision is for the bank's own processes only" });
    const manager = ctx.transaction;
    if (manager === undefined) throw new Error('Locking consents for provision needs the caller’s transaction (the lock ends with it)');
    const ids = [...new Set(command.consentIds)];
    if (ids.length > MAX_LOCKED_CONSENTS)
      throw new ValidationFailedError([{ path: '/consentIds', message: `must list at most ${MAX_LOCKED_CONSENTS} consents` }]);
    const badIndex = command.consentIds.findIndex((id) => !isUuid(id));
    if (badIndex >= 0) throw new ValidationFailedError([{ path: `/consentIds/${badIndex}`, message: 'must be a uuid' }]);
    if (ids.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(ConsentEntity, 'consent')
      .where('consent.id = ANY(:ids::uuid[])', { ids })
      .orderBy('consent.id', 'ASC')
      .setLock('pessimistic_read')
      .getMany();
    return new Map(rows.map((row) => [row.id, stateOfRow(row)]));
  }
}
