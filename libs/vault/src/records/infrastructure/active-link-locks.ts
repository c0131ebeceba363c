import type { TransactionalContext } from '@infobank/platform';
import { plainArrayLiteral } from './array-literals';

/**
 * Share-locks these links for the rest of the deposit's transaction and returns those still active.
 * Removing a link (or closing the account) updates its row, so it waits until the deposit commits
 * and then sees the deposited records; a link removed just before is no longer returned here.
 * Without this, a deposit racing an account closure could leave records behind it.
 */
export async function lockActiveLinks(tx: TransactionalContext, linkIds: readonly string[]): Promise<Set<string>> {
  if (linkIds.length === 0) return new Set();
  const rows: { id: string }[] = await tx.transaction.query(
    `SELECT "id" FROM "provider_links" WHERE "id" = ANY($1::uuid[]) AND "status" = 'active' ORDER BY "id" FOR SHARE`,
    [plainArrayLiteral(linkIds)],
  );
  return new Set(rows.map((row) => row.id));
}
