import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IncidentKind, IncidentState } from '../domain/incident';

/**
 * An incident (情報漏えい等の事案): where it happened, the window it covers, what the bank knows of its cause
 * and measures, the totals of its impact (computed once when it was opened) and where its handling stands.
 * Matches migration CreateIncidents.
 */
@Entity({ name: 'incidents' })
@Check('ck_incidents_kind', `"kind" IN ('recipient_breach', 'provider_breach', 'bank_breach')`)
@Check('ck_incidents_state', `"state" IN ('open', 'notifying', 'notified', 'closed')`)
@Check('ck_incidents_recipient', `("recipient_id" IS NOT NULL) = ("kind" = 'recipient_breach')`)
@Check('ck_incidents_provider', `("provider_id" IS NOT NULL) = ("kind" = 'provider_breach')`)
@Check('ck_incidents_window', `"window_from" < "window_to"`)
@Index('ix_incidents_opened', ['openedAt', 'id'])
export class IncidentEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_incidents' })
  id: string;

  @Column('text', { name: 'kind' })
  kind: IncidentKind;

  @Column('uuid', { name: 'recipient_id', nullable: true })
  recipientId: string | null;

  @Column('uuid', { name: 'provider_id', nullable: true })
  providerId: string | null;

  /** The data categories the breach is limited to; empty means every category. */
  @Column('text', { name: 'categories', array: true })
  categories: string[];

  @Column('timestamptz', { name: 'window_from' })
  windowFrom: Date;

  @Column('timestamptz', { name: 'window_to' })
  windowTo: Date;

  /** What happened and its cause, as the board or operator wrote it. */
  @Column('text', { name: 'description' })
  description: string;

  /** What was done against recurrence (再発防止策), once known. */
  @Column('text', { name: 'measures', nullable: true })
  measures: string | null;

  @Column('text', { name: 'state' })
  state: IncidentState;

  @Column('integer', { name: 'affected_individuals' })
  affectedIndividuals: number;

  @Column('integer', { name: 'affected_records' })
  affectedRecords: number;

  /** Every item (or, for vault breaches, category) exposed to anyone. */
  @Column('text', { name: 'items', array: true })
  items: string[];

  /** The stop-use order the board proposed from this incident, if any. */
  @Column('uuid', { name: 'stop_use_order_id', nullable: true })
  stopUseOrderId: string | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
