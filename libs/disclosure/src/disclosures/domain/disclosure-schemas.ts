// The JSON Schemas (draft 2020-12) of every file in a disclosure bundle, published so that another
// service can import a bundle (data portability). docs/disclosure-schemas/ holds the committed copies
// (a test keeps them equal to these); the portal serves these at /v1/disclosure-schemas/<file>.
import { COMPLAINT_CATEGORIES, COMPLAINT_EVENT_TYPES, COMPLAINT_STATUSES } from '@infobank/rights';
import { DISCLOSURE_SECTIONS, DISCLOSURE_FORMATS, DISCLOSURE_STATUSES, type DisclosureFormat, type DisclosureSection } from './disclosure';
import { SECTION_FILES } from './disclosure-files';

/** Where the schemas' `$id`s live (a name, not a fetch: the portal serves the same documents). */
export const DISCLOSURE_SCHEMA_BASE = 'https://infobank.example/schemas/disclosure/';

type Schema = Record<string, unknown>;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const string: Schema = { type: 'string' };
const uuid: Schema = { type: 'string', format: 'uuid' };
const instant: Schema = { type: 'string', format: 'date-time' };
const count: Schema = { type: 'integer', minimum: 0 };
const strings: Schema = { type: 'array', items: string };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
const localisedName = object({ ja: string, en: string }, ['en']);
const bilingualText = object({ ja: string, en: string });
const bilingualLines = object({ ja: strings, en: strings });
const listOf = (key: string, item: Schema): Schema => object({ [key]: { type: 'array', items: item } });

const provenance = object({ providerId: uuid, batchId: string, batchDigest: string, signingKid: string, receivedAt: instant });
const inclusionProof = object({ leaf: string, leafIndex: count, auditPath: strings, checkpoint: string, leafBody: string });

/** Each section's JSON document. */
const SECTION_SCHEMAS: Record<DisclosureSection, Schema> = {
  profile: object({ individualId: uuid, email: string, displayName: string, language: { enum: ['ja', 'en'] } }),
  links: listOf(
    'links',
    object({
      linkId: uuid,
      providerId: uuid,
      providerName: nullable(localisedName),
      categories: strings,
      status: string,
      customerRef: nullable(string),
      createdAt: instant,
      codeExpiresAt: instant,
      linkedAt: nullable(instant),
      removedAt: nullable(instant),
    }),
  ),
  records: listOf(
    'records',
    object({
      id: uuid,
      recordId: string,
      providerId: uuid,
      category: string,
      firstReceivedAt: instant,
      versions: {
        type: 'array',
        minItems: 1,
        items: object({
          version: { type: 'integer', minimum: 1 },
          observedAt: instant,
          data: {},
          provenance,
          supersededAt: nullable(instant),
        }),
      },
    }),
  ),
  consents: listOf(
    'consents',
    object({
      consentId: uuid,
      offerId: uuid,
      recipient: object({ id: uuid, name: localisedName, corporateNumber: string, country: string }),
      purpose: object({ code: string, dpv: string, label: bilingualText, text: localisedName }),
      state: { enum: ['active', 'paused', 'revoked', 'expired'] },
      mode: { enum: ['auto', 'ask'] },
      source: { enum: ['individual', 'standing_condition'] },
      items: strings,
      expiresAt: nullable(instant),
      explanation: nullable(bilingualLines),
      version: count,
      grantedAt: instant,
      updatedAt: instant,
      endedAt: nullable(instant),
      revocationReason: nullable(string),
      expiryCause: nullable(string),
      events: {
        type: 'array',
        minItems: 1,
        items: object({
          eventId: uuid,
          version: count,
          type: string,
          occurredAt: instant,
          actor: string,
          receiptId: string,
          receipt: string,
        }),
      },
    }),
  ),
  provisions: listOf(
    'provisions',
    object({
      id: uuid,
      recipient: object({ id: uuid, name: localisedName }),
      offer: object({ id: uuid, purposeCode: string, purpose: localisedName }),
      items: strings,
      itemLabels: { type: 'array', items: object({ itemId: string, label: bilingualText }) },
      records: count,
      providedAt: instant,
      consent: object({ id: uuid, version: count }),
      benefit: object({
        type: { enum: ['points', 'yen', 'service', 'social'] },
        amount: nullable({ type: 'number' }),
        description: localisedName,
      }),
      dataLifeEndsAt: instant,
      proof: nullable(inclusionProof),
    }),
  ),
  benefits: object({
    balance: object({ points: { type: 'number' }, yen: { type: 'number' }, services: { type: 'number' }, social: { type: 'number' } }),
    entries: {
      type: 'array',
      items: object({
        id: uuid,
        provisionId: uuid,
        offerId: uuid,
        recipient: object({ id: uuid, name: localisedName }),
        purpose: localisedName,
        type: { enum: ['points', 'yen', 'service', 'social'] },
        amount: nullable({ type: 'number' }),
        description: localisedName,
        creditedAt: instant,
      }),
    },
  }),
  notices: listOf(
    'consents',
    object({
      consentId: uuid,
      state: { enum: ['active', 'paused', 'revoked', 'expired'] },
      withdrawnAt: nullable(instant),
      recipients: {
        type: 'array',
        items: object({
          recipient: object({ id: uuid, name: nullable(localisedName) }),
          notices: {
            type: 'array',
            items: object({ kind: string, status: string, issuedAt: instant, dueAt: instant, attestedAt: nullable(instant) }),
          },
        }),
      },
    }),
  ),
  complaints: listOf(
    'complaints',
    object({
      id: uuid,
      category: { enum: [...COMPLAINT_CATEGORIES] },
      status: { enum: [...COMPLAINT_STATUSES] },
      escalated: { type: 'boolean' },
      filedAt: instant,
      updatedAt: instant,
      closedAt: nullable(instant),
      related: object({ consentId: nullable(uuid), provisionId: nullable(uuid), recipientId: nullable(uuid) }),
      messages: {
        type: 'array',
        minItems: 1,
        items: object({
          type: { enum: [...COMPLAINT_EVENT_TYPES] },
          by: { enum: ['you', 'desk'] },
          at: instant,
          text: nullable(string),
        }),
      },
    }),
  ),
};

/** The file name of a published schema: `<section>.schema.json`, `<section>.csv.schema.json`, `manifest.schema.json`. */
export function schemaFileName(section: DisclosureSection | 'manifest', format: DisclosureFormat = 'json'): string {
  return section === 'manifest' || format === 'json' ? `${section}.schema.json` : `${section}.csv.schema.json`;
}

function titled(fileName: string, title: string, description: string, body: Schema): Schema {
  return { $schema: DRAFT, $id: `${DISCLOSURE_SCHEMA_BASE}${fileName}`, title, description, ...body };
}

function csvSchema(section: DisclosureSection): Schema {
  const columns = SECTION_FILES[section].csvColumns;
  return {
    type: 'array',
    items: object(Object.fromEntries(columns.map((column) => [column, string]))),
  };
}

const manifestSchema = object({
  $schema: { const: `${DISCLOSURE_SCHEMA_BASE}manifest.schema.json` },
  disclosureId: uuid,
  individualId: uuid,
  format: { enum: [...DISCLOSURE_FORMATS] },
  sections: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DISCLOSURE_SECTIONS] } },
  requestedAt: instant,
  generatedAt: instant,
  files: {
    type: 'array',
    minItems: 2,
    items: object({
      name: string,
      section: nullable({ enum: [...DISCLOSURE_SECTIONS] }),
      mediaType: string,
      bytes: count,
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      schema: nullable(string),
    }),
  },
});

/** Every published schema by file name. */
export const DISCLOSURE_SCHEMAS: Readonly<Record<string, Schema>> = Object.fromEntries([
  [
    schemaFileName('manifest'),
    titled(
      schemaFileName('manifest'),
      'Infobank disclosure manifest (開示の目録)',
      `The bundle's manifest.json, and the payload of manifest.jws (signed by the bank, typ disclosure-manifest+jwt). Request statuses: ${DISCLOSURE_STATUSES.join(', ')}.`,
      manifestSchema,
    ),
  ],
  ...DISCLOSURE_SECTIONS.flatMap((section) => [
    [
      schemaFileName(section, 'json'),
      titled(
        schemaFileName(section, 'json'),
        `${SECTION_FILES[section].title.en} (${SECTION_FILES[section].title.ja}): ${section}.json`,
        SECTION_FILES[section].contents.en,
        SECTION_SCHEMAS[section],
      ),
    ],
    [
      schemaFileName(section, 'csv'),
      titled(
        schemaFileName(section, 'csv'),
        `${SECTION_FILES[section].title.en} (${SECTION_FILES[section].title.ja}): ${section}.csv`,
        `${SECTION_FILES[section].contents.en} The CSV file's rows, read as objects of strings keyed by its header row; a nested value is JSON text, a missing one an empty cell.`,
        csvSchema(section),
      ),
    ],
  ]),
]);

/** The `$id` of the schema a section file follows. */
export function sectionSchemaId(section: DisclosureSection, format: DisclosureFormat): string {
  return `${DISCLOSURE_SCHEMA_BASE}${schemaFileName(section, format)}`;
}
