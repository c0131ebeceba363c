/**
 * JSON with object members sorted by name at every level (arrays keep their order), so that the same
 * content sent with its members in another order is recognised as the same content. Runs for every
 * deposited record: the members are put in order in a copy that the engine's own JSON.stringify
 * writes, much faster than writing the text piece by piece (which stays for the rare content whose
 * member names a copy could not keep in order).
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === UNORDERABLE ? writtenPieceByPiece(value) : (JSON.stringify(copy) ?? 'null');
}

/**
 * Array indices ("0", "12") are enumerated before every other member whatever the insertion order,
 * and assigning `__proto__` changes a prototype instead of adding a member: a copy cannot keep
 * such names in sorted order.
 */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const UNORDERABLE = Symbol('unorderable');

function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const element = sortedCopy(value[index]);
      if (element === UNORDERABLE) return UNORDERABLE;
      copy[index] = element;
    }
    return copy;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (key === '__proto__' || ARRAY_INDEX.test(key)) return UNORDERABLE;
    const member = sortedCopy(record[key]);
    if (member === UNORDERABLE) return UNORDERABLE;
    if (member !== undefined) copy[key] = member;
  }
  return copy;
}

function writtenPieceByPiece(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) out += (index === 0 ? '' : ',') + writtenPieceByPiece(value[index]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${writtenPieceByPiece(member)}`;
  }
  return `${out}}`;
}
