/** Text shown to individuals and the board in both languages. */
export interface LocalisedText {
  ja: string;
  en: string;
}

/**
 * How carefully an item must be handled: `sensitive` is 要配慮個人情報 (e.g. health data), which needs
 * the individual's step-up confirmation and a stricter board review.
 */
export type ItemSensitivity = 'normal' | 'sensitive';

/** A JSON Schema (2020-12) document, kept as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One field (data item) of a category's records that an offer can ask for and a consent can cover. */
export interface DataItem {
  /** Stable id: `<category code>#<pointer>`, e.g. `profile.basic#/name/kanji`. */
  id: string;
  /** JSON pointer (RFC 6901) into a record's `data`. */
  pointer: string;
  label: LocalisedText;
  sensitivity: ItemSensitivity;
}

/** A kind of record providers deposit, with the schema of its `data` and the items it is made of. */
export interface DataCategory {
  code: string;
  label: LocalisedText;
  description: LocalisedText;
  /** JSON Schema 2020-12 of a record's `data`; unknown fields are rejected. */
  schema: JsonSchema;
  items: readonly DataItem[];
  /** True when any item is sensitive. */
  sensitive: boolean;
  /** Always false: the My Number (個人番号) is never stored, whatever a provider sends. */
  allowsIndividualNumber: false;
}

/** The JSON Schema dialect every category schema declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Builds a category from its parts: item ids are derived from the code, `sensitive` from the items. */
export function defineDataCategory(definition: {
  code: string;
  label: LocalisedText;
  description: LocalisedText;
  schema: JsonSchema;
  items: readonly { pointer: string; label: LocalisedText; sensitivity: ItemSensitivity }[];
}): DataCategory {
  const items = definition.items.map((item) => ({ id: `${definition.code}#${item.pointer}`, ...item }));
  return {
    code: definition.code,
    label: definition.label,
    description: definition.description,
    schema: { $schema: JSON_SCHEMA_DIALECT, $id: `urn:infobank:data-category:${definition.code}`, ...definition.schema },
    items,
    sensitive: items.some((item) => item.sensitivity === 'sensitive'),
    allowsIndividualNumber: false,
  };
}

/** A strict object schema: listed properties only. */
export function objectSchema(properties: Record<string, JsonSchema>, required: readonly string[] = [], extra: JsonSchema = {}): JsonSchema {
  return { type: 'object', properties, required: [...required], additionalProperties: false, ...extra };
}

/** Reusable field schemas. */
export const fields = {
  text: (maxLength = 200): JsonSchema => ({ type: 'string', minLength: 1, maxLength }),
  yen: (minimum = 0): JsonSchema => ({ type: 'integer', minimum, maximum: 1_000_000_000_000 }),
  dateTime: (): JsonSchema => ({ type: 'string', format: 'date-time' }),
  date: (): JsonSchema => ({ type: 'string', format: 'date' }),
  /** JIS X 0401 prefecture code, `01` (Hokkaido) to `47` (Okinawa). */
  prefecture: (): JsonSchema => ({ type: 'string', pattern: '^(0[1-9]|[1-3][0-9]|4[0-7])$' }),
  coordinates: (): JsonSchema =>
    objectSchema(
      {
        latitude: { type: 'number', minimum: -90, maximum: 90 },
        longitude: { type: 'number', minimum: -180, maximum: 180 },
        accuracyMeters: { type: 'number', minimum: 0, maximum: 100_000 },
      },
      ['latitude', 'longitude'],
    ),
  list: (items: JsonSchema, maxItems: number): JsonSchema => ({ type: 'array', items, maxItems }),
};
