import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DISCLOSURE_SECTIONS } from './disclosure';
import { SECTION_FILES } from './disclosure-files';
import { DISCLOSURE_SCHEMA_BASE, DISCLOSURE_SCHEMAS, schemaFileName } from './disclosure-schemas';

const DOCS = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'disclosure-schemas');

describe('the published disclosure schemas', () => {
  it('are the files committed under docs/disclosure-schemas (regenerate them from DISCLOSURE_SCHEMAS when this fails)', () => {
    const committed = readdirSync(DOCS).filter((name) => name.endsWith('.json'));
    expect(committed.sort()).toEqual(Object.keys(DISCLOSURE_SCHEMAS).sort());
    for (const name of committed)
      expect({ name, schema: JSON.parse(readFileSync(join(DOCS, name), 'utf8')) }).toEqual({ name, schema: DISCLOSURE_SCHEMAS[name] });
  });

  it('describe every section in both formats and the manifest, each under its own $id', () => {
    const expected = [
      'manifest.schema.json',
      ...DISCLOSURE_SECTIONS.flatMap((section) => [schemaFileName(section, 'json'), schemaFileName(section, 'csv')]),
    ];
    expect(Object.keys(DISCLOSURE_SCHEMAS).sort()).toEqual(expected.sort());
    for (const [name, schema] of Object.entries(DISCLOSURE_SCHEMAS)) expect(schema.$id).toBe(`${DISCLOSURE_SCHEMA_BASE}${name}`);
  });

  it('compile under ajv strict mode, and a CSV schema requires exactly its columns', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    for (const schema of Object.values(DISCLOSURE_SCHEMAS)) ajv.compile(schema);
    for (const section of DISCLOSURE_SECTIONS) {
      const validate = ajv.getSchema(`${DISCLOSURE_SCHEMA_BASE}${schemaFileName(section, 'csv')}`);
      const row = Object.fromEntries(SECTION_FILES[section].csvColumns.map((column) => [column, '']));
      expect(validate?.([row])).toBe(true);
      expect(validate?.([{ ...row, unknown: '' }])).toBe(false);
    }
  });
});
