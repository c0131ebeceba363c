import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERIODIC_REPORT_SCHEMA_ID, REPORT_TABLE_LAYOUT, REPORT_TABLES } from './periodic-report';
import { PERIODIC_REPORT_JSON_SCHEMA } from './periodic-report.schema';

describe('the published JSON Schema of periodic reports', () => {
  it('is the committed file, names the id reports carry, and describes every table with the columns it prints', () => {
    const published = JSON.parse(readFileSync(join(__dirname, '..', 'periodic-report.schema.json'), 'utf8'));
    expect(PERIODIC_REPORT_JSON_SCHEMA).toEqual(published);
    expect(published.$id).toBe(PERIODIC_REPORT_SCHEMA_ID);
    const tables = published.properties.tables.properties;
    expect(Object.keys(tables)).toEqual([...REPORT_TABLES]);
    for (const table of REPORT_TABLES) {
      expect(Object.keys(tables[table].items.properties)).toEqual(REPORT_TABLE_LAYOUT[table].columns.map(([key]) => key));
    }
  });
});
