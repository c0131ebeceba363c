import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * A piece of SQL with its parameters, written by the context that owns the tables it touches (`sql` template)
 * and composed by another into one statement: parameters are numbered only when the whole statement is
 * rendered, so a piece never needs to know where it ends up.
 */
export class SqlPiece {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** A SQL piece: each `${value}` becomes a parameter, each `${piece}` is inlined with its own parameters. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlPiece {
  return new SqlPiece([...strings], values);
}

/** A statement ready to run: its text with $1…$n, the parameters, and a name derived from the text (for preparing it once per connection). */
export interface RenderedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** Numbers the parameters of a composed piece, in order of appearance. */
export function renderSql(piece: SqlPiece): RenderedStatement {
  const values: unknown[] = [];
  const render = (part: SqlPiece): string =>
    part.strings.reduce((text, string, index) => {
      if (index === 0) return string;
      const value = part.values[index - 1];
      if (value instanceof SqlPiece) return `${text}${render(value)}${string}`;
      values.push(value);
      return `${text}$${values.length}${string}`;
    }, '');
  const text = render(piece);
  return { name: `piece_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`, text, values };
}

/** What node-postgres's client offers beyond TypeORM: a statement by name, parsed once per connection. */
interface PreparingClient {
  query(statement: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a composed statement as a named (prepared) statement: in the context's transaction when it has one
 * (`transaction`), else on a pooled connection as a transaction of its own (one statement commits atomically).
 * Its text is fixed by its pieces, so PostgreSQL parses it once per connection. Errors come out as TypeORM's.
 */
export async function runPreparedStatement<Row>(
  from: { transaction?: EntityManager; dataSource: DataSource },
  piece: SqlPiece,
): Promise<Row[]> {
  const statement = renderSql(piece);
  if (from.transaction !== undefined && from.transaction.queryRunner === undefined) {
    return (await from.transaction.query(statement.text, statement.values)) as Row[];
  }
  const own = from.transaction === undefined;
  const runner = from.transaction?.queryRunner ?? from.dataSource.createQueryRunner();
  try {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const client = (await runner.connect()) as PreparingClient;
    try {
      return (await client.query(statement)).rows as Row[];
    } catch (error) {
      throw new QueryFailedError(statement.text, statement.values, error as Error);
    }
  } finally {
    if (own) await runner.release();
  }
}

/**
 * A read that one context owns, for another to compose into one statement with other contexts' reads: a piece
 * selecting at most one value (one column of at most one row: none reads as null), and how its owner reads that
 * value back, as JSON, throwing its own errors. The owner keeps its tables and its rules; the composer only
 * decides what is read together (`readTogether`), and a read run alone (`readValue`) is read back the same way.
 */
export interface ReadPiece<Value> {
  readonly piece: SqlPiece;
  read(json: unknown): Value;
}

/** A read piece: `piece` selects the value, `read` turns its JSON form (timestamps as ISO strings) into what it means. */
export function readPiece<Value>(piece: SqlPiece, read: (json: unknown) => Value): ReadPiece<Value> {
  return { piece, read };
}

/** The same read, its value turned into another (the owner's errors are thrown first, then `map`'s). */
export function mapRead<Value, Mapped>(part: ReadPiece<Value>, map: (value: Value) => Mapped): ReadPiece<Mapped> {
  return { piece: part.piece, read: (json) => map(part.read(json)) };
}

/** What each part of `readTogether` reads. */
export type ReadTogether<Parts extends Record<string, ReadPiece<unknown>>> = {
  [Name in keyof Parts]: Parts[Name] extends ReadPiece<infer Value> ? Value : never;
};

/**
 * Several owners' reads as one (a JSON array of their values, in one snapshot). They are read back in the order
 * given, so when several would refuse, the first part's error is the one thrown.
 */
export function readTogether<Parts extends Record<string, ReadPiece<unknown>>>(parts: Parts): ReadPiece<ReadTogether<Parts>> {
  const names = Object.keys(parts);
  if (names.length === 0) throw new Error('readTogether composes at least one read.');
  // Each part a scalar subquery: jsonb_build_array((part 1), (part 2), …).
  const strings = ['SELECT jsonb_build_array((', ...names.slice(1).map(() => '), ('), '))'];
  return readPiece(
    new SqlPiece(
      strings,
      names.map((name) => parts[name].piece),
    ),
    (json) => {
      const values = json as unknown[];
      return Object.fromEntries(names.map((name, index) => [name, parts[name].read(values[index])])) as ReadTogether<Parts>;
    },
  );
}

/** Runs a read piece as a statement of its own (in the context's transaction when it has one) and reads its value back. */
export async function readValue<Value>(
  from: { transaction?: EntityManager; dataSource: DataSource },
  part: ReadPiece<Value>,
): Promise<Value> {
  const [row] = await runPreparedStatement<{ value: unknown }>(from, sql`SELECT to_jsonb((${part.piece})) AS "value"`);
  return part.read(row.value);
}
