import type { EntityManager } from 'typeorm';

/** A stored consent event, as its leaf is rebuilt from it. */
export interface StoredConsentEvent {
  id: string;
  consentId: string;
  version: number;
  type: string;
  occurredAt: Date;
  receiptJws: string;
  receiptHash: string;
}

/** A stored provision record, as its leaf is rebuilt from it. */
export interface StoredProvision {
  id: string;
  consentId: string;
  consentVersion: number;
  recipientId: string;
  offerId: string;
  transferId: string;
  part: number;
  subjectId: string;
  items: string[];
  recordDigests: string[];
  providedAt: Date;
}

/** A sealed leaf with the ledger rows that claim it (normally exactly one). */
export interface StoredLeaf {
  leafIndex: number;
  kind: string;
  body: Buffer;
  consentEvents: StoredConsentEvent[];
  provisions: StoredProvision[];
}

/** A stored checkpoint row. */
export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  checkpoint: string;
}

/**
 * Reads the transparency log and the ledgers under it for full log verification, one page at a time.
 * The only SQL of log verification; everything is read by leaf index ranges, so memory stays bounded.
 */
export class LogLedgerReader {
  constructor(private readonly manager: EntityManager) {}

  /** The tree size of the latest checkpoint (0 before the first seal). */
  async latestTreeSize(): Promise<number> {
    const rows: { tree_size: string }[] = await this.manager.query(
      `SELECT "tree_size" FROM "transparency_log_checkpoints" ORDER BY "tree_size" DESC LIMIT 1`,
    );
    return rows.length === 0 ? 0 : Number(rows[0].tree_size);
  }

  /** The sealed leaves with index in `[start, end)`, in index order, each with the ledger rows that point to it. */
  async leaves(start: number, end: number): Promise<StoredLeaf[]> {
    const leaves: { id: string; leaf_index: string; kind: string; body: Buffer }[] = await this.manager.query(
      `SELECT "id", "leaf_index", "kind", "body" FROM "transparency_log_leaves"
        WHERE "leaf_index" >= $1 AND "leaf_index" < $2 ORDER BY "leaf_index"`,
      [String(start), String(end)],
    );
    const ids = leaves.map((leaf) => leaf.id);
    const events: (StoredConsentEvent & { leafId: string })[] = await this.manager.query(
      `SELECT "id", "leaf_id" AS "leafId", "consent_id" AS "consentId", "version", "type", "occurred_at" AS "occurredAt",
              "receipt_jws" AS "receiptJws", "receipt_hash" AS "receiptHash"
         FROM "consent_events" WHERE "leaf_id" = ANY($1::uuid[])`,
      [ids],
    );
    const provisions: (StoredProvision & { leafId: string })[] = await this.manager.query(
      `SELECT "id", "leaf_id" AS "leafId", "consent_id" AS "consentId", "consent_version" AS "consentVersion",
              "recipient_id" AS "recipientId", "offer_id" AS "offerId", "transfer_id" AS "transferId", "part",
              "subject_id" AS "subjectId", "items", "record_digests" AS "recordDigests", "provided_at" AS "providedAt"
         FROM "provision_records" WHERE "leaf_id" = ANY($1::uuid[])`,
      [ids],
    );
    const eventsByLeaf = groupByLeaf(events);
    const provisionsByLeaf = groupByLeaf(provisions);
    return leaves.map((leaf) => ({
      leafIndex: Number(leaf.leaf_index),
      kind: leaf.kind,
      body: leaf.body,
      consentEvents: eventsByLeaf.get(leaf.id) ?? [],
      provisions: provisionsByLeaf.get(leaf.id) ?? [],
    }));
  }

  /** The stored hashes of the given perfect subtrees, keyed `level:index`. */
  async nodes(subtrees: readonly { level: number; index: number }[]): Promise<Map<string, Buffer>> {
    const hashes = new Map<string, Buffer>();
    if (subtrees.length === 0) return hashes;
    const rows: { level: number; node_index: string; hash: Buffer }[] = await this.manager.query(
      `SELECT n."level", n."node_index", n."hash"
         FROM unnest($1::smallint[], $2::bigint[]) AS wanted("level", "node_index")
         JOIN "transparency_log_nodes" n ON n."level" = wanted."level" AND n."node_index" = wanted."node_index"`,
      [subtrees.map((subtree) => subtree.level), subtrees.map((subtree) => String(subtree.index))],
    );
    for (const row of rows) hashes.set(`${Number(row.level)}:${Number(row.node_index)}`, row.hash);
    return hashes;
  }

  /** The checkpoints with a tree size in `(after, upTo]`, smallest first. */
  async checkpoints(after: number, upTo: number): Promise<StoredCheckpoint[]> {
    const rows: { tree_size: string; root_hash: Buffer; checkpoint: string }[] = await this.manager.query(
      `SELECT "tree_size", "root_hash", "checkpoint" FROM "transparency_log_checkpoints"
        WHERE "tree_size" > $1 AND "tree_size" <= $2 ORDER BY "tree_size"`,
      [String(after), String(upTo)],
    );
    return rows.map((row) => ({ treeSize: Number(row.tree_size), rootHash: row.root_hash, checkpoint: row.checkpoint }));
  }

  /** Ledger rows whose leaf row is gone (at most `limit`): each should have exactly one leaf. */
  async entriesWithoutLeaf(limit: number): Promise<{ ledger: 'consent_event' | 'provision'; id: string }[]> {
    return this.manager.query(
      `(SELECT 'consent_event' AS "ledger", e."id" FROM "consent_events" e
          WHERE NOT EXISTS (SELECT 1 FROM "transparency_log_leaves" l WHERE l."id" = e."leaf_id") LIMIT $1)
       UNION ALL
       (SELECT 'provision' AS "ledger", p."id" FROM "provision_records" p
          WHERE NOT EXISTS (SELECT 1 FROM "transparency_log_leaves" l WHERE l."id" = p."leaf_id") LIMIT $1)`,
      [limit],
    );
  }
}

function groupByLeaf<T extends { leafId: string }>(rows: readonly T[]): Map<string, Omit<T, 'leafId'>[]> {
  const grouped = new Map<string, Omit<T, 'leafId'>[]>();
  for (const { leafId, ...row } of rows) grouped.set(leafId, [...(grouped.get(leafId) ?? []), row]);
  return grouped;
}
