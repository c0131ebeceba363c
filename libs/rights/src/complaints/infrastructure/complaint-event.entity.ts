import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ComplaintCategory, ComplaintEventType, ComplaintParty, ComplaintPriority } from '../domain/complaint';
import { ComplaintEntity } from './complaint.entity';

/**
 * One step of a complaint's thread, timestamped with who took it: append-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE; the runtime role holds only SELECT and INSERT). The step's text is personal data
 * and is stored only encrypted under the individual's data key (AES-256-GCM, AAD = complaint and event
 * id), so erasing the individual's data shreds it. Matches migration CreateComplaintsDesk.
 */
@Entity({ name: 'complaint_events' })
@Unique('uq_complaint_events_sequence', ['complaintId', 'sequence'])
@Check(
  'ck_complaint_events_type',
  `"type" IN ('filed', 'triaged', 'replied', 'information_requested', 'information_provided', 'escalated', 'closed')`,
)
@Check('ck_complaint_events_actor_type', `"actor_type" IN ('individual', 'staff')`)
export class ComplaintEventEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_complaint_events' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_complaint_events_complaint' })
  complaint?: ComplaintEntity;

  /** 0 for `filed`, then one more per step. */
  @Column('integer', { name: 'sequence' })
  sequence: number;

  @Column('text', { name: 'type' })
  type: ComplaintEventType;

  @Column('text', { name: 'actor_type' })
  actorType: ComplaintParty;

  /** The account of who took the step: the individual, or the desk member. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_complaint_events_actor' })
  actor?: AccountEntity;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** The category the step set (filed, triaged). */
  @Column('text', { name: 'category', nullable: true })
  category: ComplaintCategory | null;

  /** The priority the step set (triaged). */
  @Column('text', { name: 'priority', nullable: true })
  priority: ComplaintPriority | null;

  /** The step's text, encrypted; null for steps without text. */
  @Column('bytea', { name: 'text_ciphertext', nullable: true })
  textCiphertext: Buffer | null;
}
