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
  const order = sortedNames(Object.keys(record));
  if (order === null) return UNORDERABLE;
  for (const key of order) {
    const member = sortedCopy(record[key]);
    if (member === UNORDERABLE) return UNORDERABLE;
    if (member !== undefined) copy[key] = member;
  }
  return copy;
}

/** An object's member names as enumerated, and in sorted order (null: names a copy cannot keep in order). */
interface Shape {
  names: readonly string[];
  sorted: readonly string[] | null;
}

/** Most shapes remembered, all first names together: a batch's records share a few; any other input stays bounded. */
const MAX_SHAPES = 256;
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;

/**
 * The names sorted, or null when a copy could not keep them in order. The records of a batch share their
 * members' names (and JSON.parse gives each name once, as one string): sorting is done once a shape,
 * and recognising a shape costs one comparison a name.
 */
function sortedNames(names: readonly string[]): readonly string[] | null {
  if (names.length === 0) return names;
  const known = shapes.get(names[0]);
  if (known !== undefined) {
    for (const shape of known) if (sameNames(shape.names, names)) return shape.sorted;
  }
  const sorted = names.some((name) => name === '__proto__' || ARRAY_INDEX.test(name)) ? null : [...names].sort();
  if (shapeCount >= MAX_SHAPES) {
    shapes.clear();
    shapeCount = 0;
  }
  const shape: Shape = { names: [...names], sorted };
  if (known === undefined || shapeCount === 0) shapes.set(names[0], [shape]);
  else known.push(shape);
  shapeCount += 1;
  return sorted;
}

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
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
