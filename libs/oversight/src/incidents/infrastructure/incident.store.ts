import { isUuidText } from '@infobank/platform';
import type { EntityManager } from 'typeorm';
import { IncidentAffectedEntity } from './incident-affected.entity';
import { IncidentStepEntity } from './incident-step.entity';
import { IncidentEntity } from './incident.entity';

/** An affected individual as the board sees it: the row's own id and pseudonymous ids, never the individual's id. */
export type AffectedForBoardRow = Pick<
  IncidentAffectedEntity,
  'id' | 'subjectIds' | 'items' | 'records' | 'consentIds' | 'provisionIds' | 'notifiedAt'
>;

/** An individual still to be told about an incident. */
export type UnnotifiedRow = Pick<IncidentAffectedEntity, 'id' | 'individualId' | 'items' | 'records'>;

/** An incident that affected one individual, with what of theirs it concerned. */
export interface IncidentOfIndividualRow {
  incident: IncidentEntity;
  affected: Pick<IncidentAffectedEntity, 'items' | 'records' | 'provisionIds' | 'notifiedAt'>;
}

/** The incidents, their steps and their affected individuals. Steps are only ever inserted. */
export class IncidentStore {
  constructor(private readonly manager: EntityManager) {}

  async insert(incident: IncidentEntity): Promise<void> {
    await this.manager.insert(IncidentEntity, incident);
  }

  async insertStep(step: IncidentStepEntity): Promise<void> {
    await this.manager.insert(IncidentStepEntity, step);
  }

  /** The incident, locked for a change of state (`FOR UPDATE`); null when there is none. */
  async lock(id: string): Promise<IncidentEntity | null> {
    if (!isUuidText(id)) return null;
    return this.manager.findOne(IncidentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async byId(id: string): Promise<IncidentEntity | null> {
    if (!isUuidText(id)) return null;
    return this.manager.findOne(IncidentEntity, { where: { id } });
  }

  /** The newest `limit` incidents, newest first. */
  newest(limit: number): Promise<IncidentEntity[]> {
    return this.manager.find(IncidentEntity, { order: { openedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** The incident's steps in the order they were taken. */
  steps(incidentId: string): Promise<IncidentStepEntity[]> {
    return this.manager.find(IncidentStepEntity, { where: { incidentId }, order: { at: 'ASC' } });
  }

  async update(
    id: string,
    changes: Partial<
      Pick<IncidentEntity, 'state' | 'stopUseOrderId' | 'measures' | 'affectedIndividuals' | 'affectedRecords' | 'items' | 'updatedAt'>
    >,
  ): Promise<void> {
    await this.manager.update(IncidentEntity, { id }, changes);
  }

  /** Totals of an incident's impact: individuals, records and every item exposed. */
  async totals(incidentId: string): Promise<{ individuals: number; records: number; items: string[] }> {
    const [row]: { individuals: number; records: number; items: string[] }[] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM "incident_affected" WHERE "incident_id" = $1) AS "individuals",
              (SELECT coalesce(sum("records"), 0)::int FROM "incident_affected" WHERE "incident_id" = $1) AS "records",
              (SELECT coalesce(array_agg(DISTINCT i ORDER BY i), '{}')
                 FROM "incident_affected" a, unnest(a."items") AS i WHERE a."incident_id" = $1) AS "items"`,
      [incidentId],
    );
    return row;
  }

  /** A page of the affected, in id order after `afterId`. */
  affectedForBoard(incidentId: string, afterId: string | null, limit: number): Promise<AffectedForBoardRow[]> {
    return this.manager.query(
      `SELECT "id", "subject_ids" AS "subjectIds", "items", "records", "consent_ids" AS "consentIds",
              "provision_ids" AS "provisionIds", "notified_at" AS "notifiedAt"
         FROM "incident_affected"
        WHERE "incident_id" = $1 AND ($2::uuid IS NULL OR "id" > $2::uuid)
        ORDER BY "id" LIMIT $3`,
      [incidentId, afterId, limit],
    );
  }

  /** Up to `limit` affected individuals not told yet, locked so that two deliveries never tell one twice. */
  unnotified(incidentId: string, limit: number): Promise<UnnotifiedRow[]> {
    return this.manager.query(
      `SELECT "id", "individual_id" AS "individualId", "items", "records"
         FROM "incident_affected"
        WHERE "incident_id" = $1 AND "notified_at" IS NULL
        ORDER BY "id" LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [incidentId, limit],
    );
  }

  async markNotified(affectedId: string, notificationId: string, at: Date): Promise<void> {
    await this.manager.update(IncidentAffectedEntity, { id: affectedId }, { notificationId, notifiedAt: at });
  }

  /** How many of the incident's affected individuals have been told. */
  async notifiedCount(incidentId: string): Promise<number> {
    const [row]: { notified: number }[] = await this.manager.query(
      `SELECT count(*)::int AS "notified" FROM "incident_affected" WHERE "incident_id" = $1 AND "notified_at" IS NOT NULL`,
      [incidentId],
    );
    return row.notified;
  }

  /** Whether any affected individual of the incident is still to be told (locked rows included). */
  async anyUnnotified(incidentId: string): Promise<boolean> {
    const [row]: { pending: boolean }[] = await this.manager.query(
      `SELECT EXISTS (SELECT 1 FROM "incident_affected" WHERE "incident_id" = $1 AND "notified_at" IS NULL) AS "pending"`,
      [incidentId],
    );
    return row.pending;
  }

  /** The incidents the individual has been told about, newest first, with what each concerned of theirs. */
  async ofIndividual(individualId: string, limit: number): Promise<IncidentOfIndividualRow[]> {
    const affected = await this.manager.find(IncidentAffectedEntity, {
      where: { individualId },
      select: { incidentId: true, items: true, records: true, provisionIds: true, notifiedAt: true },
    });
    const told = affected.filter((row) => row.notifiedAt !== null);
    if (told.length === 0) return [];
    const incidents = await this.manager.find(IncidentEntity, {
      where: told.map((row) => ({ id: row.incidentId })),
      order: { openedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    const byIncident = new Map(told.map((row) => [row.incidentId, row]));
    return incidents.map((incident) => ({ incident, affected: byIncident.get(incident.id) as IncidentAffectedEntity }));
  }
}
