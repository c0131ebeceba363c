import type { RequestContext } from '@infobank/platform';
import type { CsvRow } from '../../domain/csv';
import type { DisclosureSection } from '../../domain/disclosure';

/** What a section collector gathers: the JSON document of its file and, for CSV, its rows. */
export interface CollectedSection {
  document: object;
  rows: CsvRow[];
}

/**
 * Gathers one section of a bundle through its owning library's exported use cases. `ctx` acts as the
 * individual whose request it is, so a collector reads exactly what that individual's own reads return.
 */
export interface DisclosureSectionCollector {
  readonly section: DisclosureSection;
  collect(ctx: RequestContext): Promise<CollectedSection>;
}

/** An instant as ISO 8601 text (the stores hand out Dates). */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.toISOString();
}
