import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The lock serialising every change to one individual's active links (redemption, account closure). */
export function individualLockName(individualId: string): string {
  return `vault.links.individual:${individualId}`;
}

/** The lock serialising redemptions of one customer reference at one provider. */
export function customerLockName(providerId: string, customerRef: string): string {
  return `vault.links.customer:${providerId}:${customerRef}`;
}

/**
 * The lock between a provider's deposits and the ends of its links: every deposit holds it shared
 * while it stores records, and every change that ends an active link of the provider (removal,
 * replacement at redemption, account closure) takes it exclusively, after the individual's and the
 * customer reference's locks when it takes those too.
 */
export function providerLinksLockName(providerId: string): string {
  return `vault.links.provider:${providerId}`;
}

function lockKey(name: string): bigint {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0);
}

/**
 * Takes transaction-scoped Postgres advisory locks on these names, always in ascending key order, so
 * two transactions taking overlapping sets never deadlock. Released at commit or rollback.
 */
export async function lockLinkNames(
  manager: EntityManager,
  names: readonly string[],
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  for (const key of keys) await manager.query(`SELECT ${lock}($1::bigint)`, [key.toString()]);
}
