import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One leaf of the transparency log (a consent event now, provision records later). Appended in the
 * transaction of the event it records; the sealer gives it its `leaf_index` once that transaction is
 * known to have finished. Matches migration CreateTransparencyLog; a trigger keeps it append-only.
 */
@Entity({ name: 'transparency_log_leaves' })
// Partitioned by month on appended_at (migration 1795340049000): every unique index carries it. A leaf index
// is still given once: by the one sealer, with the level-0 node whose primary key refuses a second leaf there.
// Sealed leaves only (migration 1795340068000): an unsealed leaf has no index to look up, and appends skip it.
@Index('uq_transparency_log_leaves_leaf_index', ['leafIndex', 'appendedAt'], { unique: true, where: '"leaf_index" IS NOT NULL' })
@Index('ix_transparency_log_leaves_unsealed', ['appendedXid', 'id'], { where: '"leaf_index" IS NULL' })
@Check('ck_transparency_log_leaves_kind', `"kind" ~ '^[a-z][a-z0-9_.-]{0,63}$'`)
export class TransparencyLogLeafEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_transparency_log_leaves' })
  id: string;

  /** What the leaf records, e.g. `consent.event` (the body is that record's canonical bytes). */
  @Column('text', { name: 'kind' })
  kind: string;

  @Column('bytea', { name: 'body' })
  body: Buffer;

  /** The appending transaction's id (xid8 as a number): the sealer seals only finished transactions. */
  @Column('bigint', { name: 'appended_xid' })
  appendedXid: string;

  @Column('bigint', { name: 'leaf_index', nullable: true })
  leafIndex: string | null;

  /** The partition key (one partition a month): part of the primary key, as PostgreSQL requires. */
  @PrimaryColumn('timestamptz', { name: 'appended_at', default: () => 'now()', primaryKeyConstraintName: 'pk_transparency_log_leaves' })
  appendedAt: Date;
}
