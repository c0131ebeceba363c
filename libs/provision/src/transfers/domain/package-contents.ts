/** JSON data as the vault decrypts it. */
type Json = unknown;

/** One record as a recipient receives it: only the consented items, keyed by their JSON pointer. */
export interface PackagedRecord {
  category: string;
  observedAt: string;
  provenance: { providerId: string; receivedAt: string };
  items: Record<string, Json>;
}

/** One subject's records in a part, under the recipient's pseudonymous id. */
export interface PackagedSubject {
  subject: string;
  records: PackagedRecord[];
}

/** What the bank signs (JWS) for one part before encrypting it to the recipient (JWE). */
export interface PackagePayload {
  transferId: string;
  part: number;
  offerId: string;
  recipient: string;
  createdAt: string;
  subjects: PackagedSubject[];
}

/**
 * The value at an RFC 6901 JSON pointer, or undefined when the document has nothing there. Only own
 * properties are followed, so a pointer cannot reach into prototypes.
 */
export function valueAtPointer(document: Json, pointer: string): Json {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: Json = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, Json>)[token];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * The consented items of one record: for each pointer of the record's category that the consent covers,
 * the value there (items the record does not carry are left out). Minimisation by construction: nothing
 * outside `pointers` can reach the result.
 */
export function selectItems(data: Json, pointers: readonly string[]): Record<string, Json> {
  const items: Record<string, Json> = {};
  for (const pointer of pointers) {
    const value = valueAtPointer(data, pointer);
    if (value !== undefined) items[pointer] = value;
  }
  return items;
}
