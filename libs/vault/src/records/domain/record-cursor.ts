/**
 * A position in an individual's records (newest observation first): the row of the last record on
 * the previous page. The cursor names only that row's random id, never its observation time or
 * anything else about the record, so it is no personal data even when a proxy logs the URL; where
 * the row sits is looked up again, among the caller's own records, when the cursor comes back.
 */
export type RecordCursor = { afterRecord: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURSOR = /^[A-Za-z0-9_-]{22}$/;

/** The opaque cursor handed to the client: the row id's 16 bytes, base64url (22 characters). */
export function encodeRecordCursor(cursor: RecordCursor): string {
  if (!UUID.test(cursor.afterRecord)) throw new TypeError('A record cursor needs a record row id (lower-case UUID).');
  return Buffer.from(cursor.afterRecord.replaceAll('-', ''), 'hex').toString('base64url');
}

/** Reads a cursor back; null when it cannot be one this API issued. */
export function decodeRecordCursor(text: string): RecordCursor | null {
  if (!CURSOR.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  // Exactly one canonical spelling per row id: a cursor with other trailing bits is not ours.
  if (bytes.length !== 16 || bytes.toString('base64url') !== text) return null;
  const hex = bytes.toString('hex');
  return { afterRecord: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
}
