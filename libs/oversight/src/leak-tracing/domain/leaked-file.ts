import type { FieldProblem } from '@infobank/platform';

/** A pseudonymous subject id as recipients receive it: base64url of an HMAC-SHA-256 (43 characters). */
export const SUBJECT_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Most ids one trace looks up. */
export const MAX_TRACED_IDS = 10_000;

/** JSON keys that name a subject in packages and in files recipients derive from them. */
const SUBJECT_KEYS = new Set(['subject', 'subjectid', 'subject_id', 'pseudonym', 'pseudonymousid', 'pseudonymous_id']);

/** What a trace asks, as received: ids, or a file's text (base64 when `fileEncoding` says so). */
export interface TraceInput {
  subjectIds?: unknown;
  file?: unknown;
  fileEncoding?: unknown;
}

/**
 * The pseudonymous ids a trace looks up: the given ids, or those found in a leaked file. In JSON (a decrypted
 * package, or any document) the values under subject-like keys, or when there are none every string shaped
 * like an id; in any other text (CSV, TSV, logs) every token shaped like an id. Duplicates are dropped.
 */
export function subjectIdsToTrace(input: TraceInput): { ids: string[]; problems: FieldProblem[] } {
  const hasIds = input?.subjectIds !== undefined;
  const hasFile = input?.file !== undefined;
  if (hasIds === hasFile) return { ids: [], problems: [{ path: '', message: 'give either subjectIds or file' }] };
  if (hasIds) {
    const ids = input.subjectIds;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_TRACED_IDS ||
      !ids.every((id) => typeof id === 'string' && id.length <= 200)
    ) {
      return { ids: [], problems: [{ path: '/subjectIds', message: `must be an array of 1 to ${MAX_TRACED_IDS} ids` }] };
    }
    return { ids: [...new Set(ids as string[])], problems: [] };
  }
  const text = fileText(input.file, input.fileEncoding);
  if (text === null)
    return { ids: [], problems: [{ path: '/file', message: 'must be the file as text (or base64 with fileEncoding: base64)' }] };
  const ids = idsInFile(text);
  if (ids.length === 0) return { ids: [], problems: [{ path: '/file', message: 'holds no pseudonymous subject id' }] };
  if (ids.length > MAX_TRACED_IDS)
    return { ids: [], problems: [{ path: '/file', message: `holds more than ${MAX_TRACED_IDS} ids; split it` }] };
  return { ids, problems: [] };
}

function fileText(file: unknown, encoding: unknown): string | null {
  if (typeof file !== 'string' || file.length === 0) return null;
  if (encoding === undefined || encoding === 'utf8') return file;
  if (encoding !== 'base64' || !/^[A-Za-z0-9+/=\s]+$/.test(file)) return null;
  return Buffer.from(file, 'base64').toString('utf8');
}

/** The subject ids in a file's text (see subjectIdsToTrace). */
export function idsInFile(text: string): string[] {
  const document = parseJson(text);
  if (document !== undefined) {
    const keyed = new Set<string>();
    const loose = new Set<string>();
    walk(document, null, keyed, loose);
    return [...(keyed.size > 0 ? keyed : loose)];
  }
  return [...new Set(text.split(/[\s,;|"'`]+/).filter((token) => SUBJECT_ID_PATTERN.test(token)))];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function walk(value: unknown, key: string | null, keyed: Set<string>, loose: Set<string>): void {
  if (typeof value === 'string') {
    if (!SUBJECT_ID_PATTERN.test(value)) return;
    loose.add(value);
    if (key !== null && SUBJECT_KEYS.has(key.toLowerCase())) keyed.add(value);
  } else if (Array.isArray(value)) {
    for (const element of value) walk(element, key, keyed, loose);
  } else if (typeof value === 'object' && value !== null) {
    for (const [childKey, child] of Object.entries(value)) walk(child, childKey, keyed, loose);
  }
}
