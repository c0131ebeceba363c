import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ConsentEventType } from '../domain/consent';
import type { ReceiptActor } from '../domain/consent-receipt';
import { ConsentEntity } from './consent.entity';

/**
 * One event of a consent's ledger with the receipt the bank signed for it. Append-only: a database
 * trigger refuses UPDATE and DELETE. Each event is also a leaf of the transparency log (`leaf_id`).
 */
@Entity({ name: 'consent_events' })
@Unique('uq_consent_events_consent_version', ['consentId', 'version'])
@Unique('uq_consent_events_receipt', ['receiptId'])
// Full log verification (libs/oversight) finds each leaf's event by its leaf id.
@Index('ix_consent_events_leaf', ['leafId'])
@Check('ck_consent_events_version', `"version" >= 1`)
@Check('ck_consent_events_actor', `"actor" IN ('individual', 'bank')`)
@Check('ck_consent_events_type', `"type" IN ('consent_granted', 'consent_paused', 'consent_resumed', 'consent_revoked', 'consent_expired')`)
export class ConsentEventEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_consent_events' })
  id: string;

  @Column('uuid', { name: 'consent_id' })
  consentId: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_consent_events_consent' })
  consent?: ConsentEntity;

  /** The consent's version this event produced (1 for the grant). */
  @Column('integer', { name: 'version' })
  version: number;

  @Column('text', { name: 'type' })
  type: ConsentEventType;

  /** The event's own fields (terms of a grant, reason of a revocation, cause of an expiry). */
  @Column('jsonb', { name: 'payload' })
  payload: Record<string, unknown>;

  @Column('text', { name: 'actor' })
  actor: ReceiptActor;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('uuid', { name: 'receipt_id' })
  receiptId: string;

  /** The receipt: a compact JWS signed by the bank (`typ: consent-receipt+jwt`). */
  @Column('text', { name: 'receipt_jws' })
  receiptJws: string;

  /** base64url SHA-256 of `receipt_jws`: what the next receipt chains to and the log leaf carries. */
  @Column('text', { name: 'receipt_hash' })
  receiptHash: string;

  /** The transparency log leaf recording this event. */
  @Column('uuid', { name: 'leaf_id' })
  leafId: string;
}
