import { createHash } from 'node:crypto';
import { CATALOG_VERSION } from './catalog-version';
import { categoryOfItem, DATA_CATEGORIES, findDataCategory, findDataItem } from './data-categories';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './data-category';
import { findPurpose, PURPOSES } from './purposes';

/** Follows a JSON pointer through a schema's `properties`; undefined when the schema has no such field. */
function schemaAt(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const token of pointer.split('/').slice(1)) {
    const properties = current?.properties as Record<string, JsonSchema> | undefined;
    current = properties?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** Every sub-schema with its path, depth first. */
function* walk(schema: unknown, path = '#'): Generator<[string, Record<string, unknown>]> {
  if (typeof schema !== 'object' || schema === null) return;
  if (Array.isArray(schema)) {
    for (const [index, entry] of schema.entries()) yield* walk(entry, `${path}/${index}`);
    return;
  }
  const record = schema as Record<string, unknown>;
  yield [path, record];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'properties')
      for (const [name, property] of Object.entries(value as object)) yield* walk(property, `${path}/properties/${name}`);
    else if (key === 'items' || key === 'oneOf' || key === 'anyOf') yield* walk(value, `${path}/${key}`);
  }
}

describe('data categories', () => {
  it('Given the catalog, then it offers the categories the issue requires, each once', () => {
    const codes = DATA_CATEGORIES.map((category) => category.code);
    expect(codes).toEqual([
      'profile.basic',
      'purchase.receipts',
      'finance.transactions',
      'location.visits',
      'mobility.trips',
      'health.checkup',
    ]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(DATA_CATEGORIES.map((category) => [category.code, category]))(
    'Given %s, then every item points at a field of its schema',
    (_code, category) => {
      expect(category.items.length).toBeGreaterThan(0);
      for (const item of category.items) {
        expect(item.id).toBe(`${category.code}#${item.pointer}`);
        expect(schemaAt(category.schema, item.pointer)).toBeDefined();
      }
    },
  );

  it.each(DATA_CATEGORIES.map((category) => [category.code, category]))(
    'Given %s, then its schema is 2020-12 and every object rejects unknown fields',
    (_code, category) => {
      expect(category.schema.$schema).toBe(JSON_SCHEMA_DIALECT);
      const objects = [...walk(category.schema)].filter(([, node]) => node.type === 'object');
      expect(objects.length).toBeGreaterThan(0);
      for (const [path, node] of objects)
        expect({ path, additionalProperties: node.additionalProperties }).toEqual({ path, additionalProperties: false });
    },
  );

  it.each(DATA_CATEGORIES.map((category) => [category.code, category]))(
    'Given %s, then required fields exist and every label is bilingual',
    (_code, category) => {
      for (const [, node] of walk(category.schema)) {
        for (const name of (node.required as string[] | undefined) ?? []) expect(Object.keys(node.properties as object)).toContain(name);
      }
      for (const text of [category.label, category.description, ...category.items.map((item) => item.label)]) {
        expect(text.ja.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    },
  );

  it('Given any category, then the My Number is never accepted', () => {
    for (const category of DATA_CATEGORIES) {
      expect(category.allowsIndividualNumber).toBe(false);
      for (const [path] of walk(category.schema)) expect(path).not.toMatch(/my_?number|individual_?number|kojin_?bango/i);
    }
  });

  it('Given health check-ups, then diagnoses, allergies, tests and prescriptions are sensitive and so is the category', () => {
    const health = findDataCategory('health.checkup');
    expect(health?.sensitive).toBe(true);
    for (const pointer of ['/diagnoses', '/allergies', '/tests', '/prescriptions']) {
      expect(findDataItem(`health.checkup#${pointer}`)?.sensitivity).toBe('sensitive');
    }
    expect(DATA_CATEGORIES.filter((category) => category.sensitive).map((category) => category.code)).toEqual(['health.checkup']);
  });

  it('Given item ids, then lookups find the item and its category, and unknown ids find nothing', () => {
    expect(findDataItem('profile.basic#/name/kana')?.label.ja).toBe('氏名(カナ)');
    expect(categoryOfItem('profile.basic#/name/kana')?.code).toBe('profile.basic');
    expect(findDataItem('profile.basic#/name')).toBeUndefined();
    expect(categoryOfItem('nope#/x')).toBeUndefined();
    expect(new Set(DATA_CATEGORIES.flatMap((category) => category.items.map((item) => item.id))).size).toBe(
      DATA_CATEGORIES.reduce((count, category) => count + category.items.length, 0),
    );
  });
});

describe('purposes', () => {
  it('Given the vocabulary, then it has the purposes the issue requires, each with a DPV IRI', () => {
    const codes = PURPOSES.map((purpose) => purpose.code);
    for (const required of [
      'service_provision',
      'marketing',
      'personalised_recommendation',
      'research_and_development',
      'credit_assessment',
      'health_promotion',
      'statistics',
    ]) {
      expect(codes).toContain(required);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const purpose of PURPOSES) {
      expect(purpose.dpv).toMatch(/^https:\/\/w3id\.org\/dpv(\/sector\/(finance|health))?#[A-Z][A-Za-z]+$/);
      expect(purpose.label.ja).not.toBe('');
      expect(purpose.description.en).not.toBe('');
    }
  });

  it('Given DPV 2.x, then the core terms and the sector terms are the published IRIs', () => {
    expect(findPurpose('service_provision')?.dpv).toBe('https://w3id.org/dpv#ServiceProvision');
    expect(findPurpose('personalised_recommendation')?.dpv).toBe('https://w3id.org/dpv#ProvidePersonalisedRecommendations');
    expect(findPurpose('credit_assessment')?.dpv).toBe('https://w3id.org/dpv/sector/finance#CreditChecking');
    expect(findPurpose('health_promotion')?.dpv).toBe('https://w3id.org/dpv/sector/health#PreventativeCareManagement');
  });

  it('Given credit assessment and personalised recommendation, then they are marked as profiling', () => {
    expect(PURPOSES.filter((purpose) => purpose.profiling).map((purpose) => purpose.code)).toEqual([
      'personalised_recommendation',
      'personalised_advertising',
      'credit_assessment',
    ]);
  });
});

describe('catalog version', () => {
  it('Given the catalog content, when it changes, then CATALOG_VERSION must change too (update both lines below)', () => {
    const fingerprint = createHash('sha256').update(JSON.stringify({ DATA_CATEGORIES, PURPOSES })).digest('hex').slice(0, 16);
    expect({ version: CATALOG_VERSION, fingerprint }).toEqual({ version: '2025.1', fingerprint: '7d69304effede207' });
  });
});
