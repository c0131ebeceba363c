import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed checkpoint: the tree size, its root hash and the time, as a JWS by the bank key. */
@Entity({ name: 'transparency_log_checkpoints' })
export class TransparencyLogCheckpointEntity {
  @PrimaryColumn('bigint', { name: 'tree_size', primaryKeyConstraintName: 'pk_transparency_log_checkpoints' })
  treeSize: string;

  @Column('bytea', { name: 'root_hash' })
  rootHash: Buffer;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt: Date;

  /** The compact JWS (`typ: checkpoint+jwt`) anyone can verify against the bank's JWKS. */
  @Column('text', { name: 'checkpoint' })
  checkpoint: string;
}
