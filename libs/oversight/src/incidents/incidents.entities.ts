import { IncidentAffectedEntity } from './infrastructure/incident-affected.entity';
import { IncidentStepEntity } from './infrastructure/incident-step.entity';
import { IncidentEntity } from './infrastructure/incident.entity';

/** The tables of incidents. */
export const INCIDENT_ENTITIES = [IncidentEntity, IncidentStepEntity, IncidentAffectedEntity];
