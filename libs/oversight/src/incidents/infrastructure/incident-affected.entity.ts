import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { IncidentEntity } from './incident.entity';

/**
 * One individual an incident affected: what of theirs was exposed (items, record count), under which consents
 * and in which provisions (recipient breaches), and when they were told. The board sees this row by its own
 * id and the pseudonymous subject ids, never the individual's id. Matches migration CreateIncidents.
 */
@Entity({ name: 'incident_affected' })
@Unique('uq_incident_affected_incident_individual', ['incidentId', 'individualId'])
@Index('ix_incident_affected_individual', ['individualId'])
@Index('ix_incident_affected_unnotified', ['incidentId', 'id'], { where: `"notified_at" IS NULL` })
export class IncidentAffectedEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_incident_affected' })
  id: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_incident_affected_incident' })
  incident?: IncidentEntity;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  /** The pseudonymous ids the recipient knew the individual by (recipient breaches; empty otherwise). */
  @Column('text', { name: 'subject_ids', array: true })
  subjectIds: string[];

  @Column('text', { name: 'items', array: true })
  items: string[];

  @Column('integer', { name: 'records' })
  records: number;

  @Column('uuid', { name: 'consent_ids', array: true })
  consentIds: string[];

  @Column('uuid', { name: 'provision_ids', array: true })
  provisionIds: string[];

  @Column('uuid', { name: 'notification_id', nullable: true })
  notificationId: string | null;

  @Column('timestamptz', { name: 'notified_at', nullable: true })
  notifiedAt: Date | null;
}
