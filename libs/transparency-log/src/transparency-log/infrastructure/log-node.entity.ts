import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A complete subtree of the log's Merkle tree: `2^level` leaves from `node_index * 2^level`.
 * Level 0 holds the leaf hashes. Stored once, when complete, so a proof is O(log n) reads.
 */
@Entity({ name: 'transparency_log_nodes' })
export class TransparencyLogNodeEntity {
  @PrimaryColumn('smallint', { name: 'level', primaryKeyConstraintName: 'pk_transparency_log_nodes' })
  level: number;

  @PrimaryColumn('bigint', { name: 'node_index', primaryKeyConstraintName: 'pk_transparency_log_nodes' })
  nodeIndex: string;

  @Column('bytea', { name: 'hash' })
  hash: Buffer;
}
