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
