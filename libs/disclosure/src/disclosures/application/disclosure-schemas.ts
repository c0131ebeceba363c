import { DISCLOSURE_SCHEMAS } from '../domain/disclosure-schemas';
import { DisclosureSchemaNotFoundError } from '../disclosures.errors';

/** The file names of every published disclosure schema, sorted. */
export function listDisclosureSchemas(): string[] {
  return Object.keys(DISCLOSURE_SCHEMAS).sort();
}

/** One published schema by file name (e.g. `records.schema.json`); DISCLOSURE_SCHEMA_NOT_FOUND otherwise. */
export function disclosureSchema(fileName: string): Record<string, unknown> {
  if (!Object.hasOwn(DISCLOSURE_SCHEMAS, fileName)) throw new DisclosureSchemaNotFoundError();
  return DISCLOSURE_SCHEMAS[fileName];
}
