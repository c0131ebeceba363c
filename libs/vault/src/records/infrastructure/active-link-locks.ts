import { binaryArray, type TransactionalContext } from '@infobank/platform';
import { lockLinkNames, providerLinksLockName } from '../../links/infrastructure/link-locks';

/**
 * Holds the provider's links lock shared for the rest of the deposit's transaction, then returns
 * which of these links of the provider are still active. Ending an active link (removal, replacement
 * at redemption, account closure) takes that lock exclusively: one committed before is seen here and
 * no longer counts; one not yet committed waits until the deposit commits and then sees (and erases)
 * its records. Without this, a deposit racing an account closure could leave records behind it.
 * One lock a batch, and no row of provider_links written (a FOR SHARE lock of each link wrote every row).
 */
export async function lockActiveLinks(tx: TransactionalContext, providerId: string, linkIds: readonly string[]): Promise<Set<string>> {
  if (linkIds.length === 0) return new Set();
  // Its own statement, before the read: the read's snapshot must be taken once the lock is held.
  await lockLinkNames(tx.transaction, [providerLinksLockName(providerId)], 'shared');
  const rows: { id: string }[] = await tx.transaction.query(
    `SELECT "id" FROM "provider_links" WHERE "id" = ANY($1::uuid[]) AND "provider_id" = $2 AND "status" = 'active'`,
    [binaryArray.uuid(linkIds), providerId],
  );
  return new Set(rows.map((row) => row.id));
}
