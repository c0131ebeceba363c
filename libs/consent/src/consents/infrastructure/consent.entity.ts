import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConsentExplanation, ConsentMode, ConsentSource, ConsentStatus, ExpiryCause } from '../domain/consent';
import type { ConsentedOffer } from '../domain/consent-receipt';

/**
 * The current state of one consent, written in the same transaction as each of its events (the
 * events in `consent_events` are the record; this row is what reads and locks use). `version` is the
 * number of events so far: every write checks and bumps it (optimistic concurrency).
 */
@Entity({ name: 'consents' })
@Check('ck_consents_status', `"status" IN ('active', 'paused', 'revoked', 'expired')`)
@Check('ck_consents_mode', `"mode" IN ('auto', 'ask')`)
@Check('ck_consents_source', `"source" IN ('individual', 'standing_condition')`)
@Check('ck_consents_version', `"version" >= 1`)
@Check('ck_consents_ended', `("ended_at" IS NULL) = ("status" IN ('active', 'paused'))`)
@Index('ix_consents_individual_granted', ['individualId', 'grantedAt'])
// Consents with an expiry date only (migration 1795340077000): the sweep's `expires_at <= now` never reads the others.
@Index('ix_consents_live_expires', ['expiresAt'], { where: `"ended_at" IS NULL AND "expires_at" IS NOT NULL` })
@Index('ix_consents_live_offer', ['offerId'], { where: `"ended_at" IS NULL` })
@Index('ix_consents_offer_individual', ['offerId', 'individualId'])
// One live consent per individual and offer; a new one may follow a revocation or expiry.
@Index('uq_consents_live_individual_offer', ['individualId', 'offerId'], { unique: true, where: `"ended_at" IS NULL` })
export class ConsentEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_consents' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('text', { name: 'status' })
  status: ConsentStatus;

  @Column('text', { name: 'mode' })
  mode: ConsentMode;

  @Column('text', { name: 'source' })
  source: ConsentSource;

  @Column('text', { name: 'items', array: true })
  items: string[];

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('jsonb', { name: 'explanation', nullable: true })
  explanation: ConsentExplanation | null;

  /** The offer as consented to (recipient, purpose, items, conditions): what every receipt states. */
  @Column('jsonb', { name: 'offer_snapshot' })
  offerSnapshot: ConsentedOffer;

  @Column('integer', { name: 'version' })
  version: number;

  @Column('timestamptz', { name: 'granted_at' })
  grantedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** When the consent was revoked or expired; null while active or paused. */
  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('text', { name: 'revocation_reason', nullable: true })
  revocationReason: string | null;

  @Column('text', { name: 'expiry_cause', nullable: true })
  expiryCause: ExpiryCause | null;
}
