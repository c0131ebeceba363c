import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { IncidentState } from '../domain/incident';
import { IncidentEntity } from './incident.entity';

/**
 * One step of an incident's handling: the state it reached, when, and who took it (a board member's id, the
 * operator's name or the worker). Append-only (trigger; the runtime role may only insert and read).
 * Matches migration CreateIncidents.
 */
@Entity({ name: 'incident_steps' })
@Unique('uq_incident_steps_incident_state', ['incidentId', 'state'])
@Check('ck_incident_steps_state', `"state" IN ('open', 'notifying', 'notified', 'closed')`)
export class IncidentStepEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_incident_steps' })
  id: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_incident_steps_incident' })
  incident?: IncidentEntity;

  @Column('text', { name: 'state' })
  state: IncidentState;

  @Column('timestamptz', { name: 'at' })
  at: Date;

  /** `board_member`, `operator` or `system`. */
  @Column('text', { name: 'actor_type' })
  actorType: string;

  /** The member's id, the operator's user name, or the worker's name. */
  @Column('text', { name: 'actor_ref' })
  actorRef: string;
}
