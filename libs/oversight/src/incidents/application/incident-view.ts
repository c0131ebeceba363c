import { findDataCategory, findDataItem } from '@infobank/catalog';
import type { IncidentKind, IncidentState } from '../domain/incident';
import type { ExposedItem } from '../domain/incident-texts';
import type { IncidentStepEntity } from '../infrastructure/incident-step.entity';
import type { IncidentEntity } from '../infrastructure/incident.entity';

/** One step of an incident's handling: the state reached, when, by whom. */
export interface IncidentStepView {
  state: IncidentState;
  at: string;
  by: { type: string; ref: string };
}

/** An incident as the board and the operator see it: counts, items and steps, never an individual's identity. */
export interface IncidentView {
  id: string;
  kind: IncidentKind;
  recipientId: string | null;
  providerId: string | null;
  categories: string[];
  from: string;
  to: string;
  description: string;
  measures: string | null;
  state: IncidentState;
  affectedIndividuals: number;
  affectedRecords: number;
  items: ExposedItem[];
  notifiedIndividuals: number;
  stopUseOrderId: string | null;
  openedAt: string;
  updatedAt: string;
  steps: IncidentStepView[];
}

export function incidentView(row: IncidentEntity, steps: IncidentStepEntity[], notifiedIndividuals: number): IncidentView {
  return {
    id: row.id,
    kind: row.kind,
    recipientId: row.recipientId,
    providerId: row.providerId,
    categories: row.categories,
    from: row.windowFrom.toISOString(),
    to: row.windowTo.toISOString(),
    description: row.description,
    measures: row.measures,
    state: row.state,
    affectedIndividuals: row.affectedIndividuals,
    affectedRecords: row.affectedRecords,
    items: exposedItems(row.items),
    notifiedIndividuals,
    stopUseOrderId: row.stopUseOrderId,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    steps: steps.map((step) => ({ state: step.state, at: step.at.toISOString(), by: { type: step.actorType, ref: step.actorRef } })),
  };
}

/** Item ids (or, for vault breaches, category codes) with their labels from the catalog. */
export function exposedItems(ids: readonly string[]): ExposedItem[] {
  return ids.map((id) => {
    const label = findDataItem(id)?.label ?? findDataCategory(id)?.label;
    return { id, label: { ja: label?.ja ?? id, en: label?.en ?? label?.ja ?? id } };
  });
}
