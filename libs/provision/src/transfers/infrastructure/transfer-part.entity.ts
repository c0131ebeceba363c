import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TransferEntity } from './transfer.entity';
import type { PartStatus } from '../domain/transfer-status';

/**
 * One package part: a JWS signed by the bank over up to 1,000 subjects' records, encrypted once as a JWE
 * to the recipient's key. `stale` parts wait to be rebuilt; the bytes are deleted when the part expires.
 * Matches migration CreateTransfersAndProvisions.
 */
@Entity({ name: 'transfer_parts' })
@Check('ck_transfer_parts_status', `"status" IN ('ready', 'delivered', 'stale', 'void', 'expired')`)
@Check('ck_transfer_parts_part', `"part" >= 1`)
@Check('ck_transfer_parts_generation', `"generation" >= 1`)
@Index('ix_transfer_parts_expiry', ['expiresAt'], { where: `"package" IS NOT NULL` })
export class TransferPartEntity {
  @PrimaryColumn('uuid', { name: 'transfer_id', primaryKeyConstraintName: 'pk_transfer_parts' })
  transferId: string;

  @ManyToOne(() => TransferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'transfer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_transfer_parts_transfer' })
  transfer?: TransferEntity;

  @PrimaryColumn('integer', { name: 'part', primaryKeyConstraintName: 'pk_transfer_parts' })
  part: number;

  @Column('text', { name: 'status' })
  status: PartStatus;

  /** 1 when first built, +1 each time it is rebuilt without subjects whose consent changed. */
  @Column('integer', { name: 'generation' })
  generation: number;

  @Column('integer', { name: 'subject_count' })
  subjectCount: number;

  /** The compact JWE; null once expired (deleted) or while stale. */
  @Column('text', { name: 'package', nullable: true })
  package: string | null;

  @Column('bytea', { name: 'package_digest', nullable: true })
  packageDigest: Buffer | null;

  @Column('timestamptz', { name: 'built_at' })
  builtAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
