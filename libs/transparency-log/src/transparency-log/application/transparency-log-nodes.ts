import type { EntityManager } from 'typeorm';
import { subtreeKey, type PerfectSubtree } from '../domain/merkle-tree';

/** Reads the hashes of the given perfect subtrees in one query, keyed by `subtreeKey`. */
export async function readSubtreeHashes(manager: EntityManager, subtrees: readonly PerfectSubtree[]): Promise<Map<string, Buffer>> {
  const hashes = new Map<string, Buffer>();
  if (subtrees.length === 0) return hashes;
  const rows: { level: number; node_index: string; hash: Buffer }[] = await manager.query(
    `SELECT n."level", n."node_index", n."hash"
       FROM unnest($1::smallint[], $2::bigint[]) AS wanted("level", "node_index")
       JOIN "transparency_log_nodes" n ON n."level" = wanted."level" AND n."node_index" = wanted."node_index"`,
    [subtrees.map((subtree) => subtree.level), subtrees.map((subtree) => String(subtree.index))],
  );
  for (const row of rows) hashes.set(subtreeKey({ level: Number(row.level), index: Number(row.node_index) }), row.hash);
  return hashes;
}
