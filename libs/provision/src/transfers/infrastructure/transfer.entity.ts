import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { TransferStatus } from '../domain/transfer-status';

/** A recipient's request for the data of consented individuals under one of its offers. Matches migration CreateTransfersAndProvisions. */
@Entity({ name: 'transfers' })
@Unique('uq_transfers_recipient_idempotency_key', ['recipientId', 'idempotencyKey'])
@Check('ck_transfers_status', `"status" IN ('requested', 'processing', 'ready', 'delivered', 'expired', 'cancelled')`)
@Check('ck_transfers_part_count', `"part_count" >= 0`)
@Check(
  'ck_transfers_status_counters',
  `"parts_ready" >= 0 AND "parts_stale" >= 0 AND "parts_delivered" >= 0 AND "parts_expired" >= 0 AND "subjects_pending" >= 0 AND "subjects_awaiting_approval" >= 0`,
)
@Index('ix_transfers_recipient_time', ['recipientId', 'requestedAt', 'id'])
@Index('ix_transfers_offer_time', ['offerId', 'requestedAt', 'id'])
// The board's transfer audit across recipients, newest first (migration 1795340032100).
@Index('ix_transfers_time', ['requestedAt', 'id'])
export class TransferEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_transfers' })
  id: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  /** The recipient's `Idempotency-Key`: the same key returns the same transfer. */
  @Column('text', { name: 'idempotency_key' })
  idempotencyKey: string;

  /** SHA-256 of the canonical request, so a key reused for a different request is refused. */
  @Column('bytea', { name: 'request_digest' })
  requestDigest: Buffer;

  /** The pseudonymous subject ids asked for; null for "everyone who consented". */
  @Column('text', { name: 'requested_subjects', array: true, nullable: true })
  requestedSubjects: string[] | null;

  @Column('text', { name: 'status' })
  status: TransferStatus;

  @Column('integer', { name: 'part_count' })
  partCount: number;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'ready_at', nullable: true })
  readyAt: Date | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  // Status counters (migration AddTransferStatusCounters): kept exact by triggers on every part and subject write.
  @Column('integer', { name: 'parts_ready', default: 0 })
  partsReady: number;

  @Column('integer', { name: 'parts_stale', default: 0 })
  partsStale: number;

  @Column('integer', { name: 'parts_delivered', default: 0 })
  partsDelivered: number;

  @Column('integer', { name: 'parts_expired', default: 0 })
  partsExpired: number;

  @Column('integer', { name: 'subjects_pending', default: 0 })
  subjectsPending: number;

  @Column('integer', { name: 'subjects_awaiting_approval', default: 0 })
  subjectsAwaitingApproval: number;
}
