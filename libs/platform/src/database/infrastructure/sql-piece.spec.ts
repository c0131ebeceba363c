import { renderSql, sql } from './sql-piece';

describe('SQL pieces composed into one statement', () => {
  it('numbers the parameters of nested pieces in order of appearance, whichever context wrote each piece', () => {
    // Given two owners' pieces, each written with its own parameters
    const offer = sql`SELECT "id" FROM "offers" WHERE "id" = ${'offer-1'} AND "valid_until" > ${'2026-12-07'}`;
    const kept = sql`SELECT "id" FROM "granted" WHERE "kind" = ${'consent'}`;
    // When a third composes them around parameters of its own
    const statement = renderSql(sql`WITH "offer" AS (${offer}) SELECT ${42} AS "n", (${kept}) AS "k" WHERE ${true}`);
    // Then the parameters are numbered once, across the whole statement
    expect(statement.text).toBe(
      'WITH "offer" AS (SELECT "id" FROM "offers" WHERE "id" = $1 AND "valid_until" > $2) SELECT $3 AS "n", (SELECT "id" FROM "granted" WHERE "kind" = $4) AS "k" WHERE $5',
    );
    expect(statement.values).toEqual(['offer-1', '2026-12-07', 42, 'consent', true]);
  });

  it('names a statement by its text, so that the same composition is prepared once and different ones never share a name', () => {
    const compose = (value: string) => renderSql(sql`SELECT ${value}::text`);
    expect(compose('a').name).toBe(compose('b').name);
    expect(renderSql(sql`SELECT ${'a'}::uuid`).name).not.toBe(compose('a').name);
  });
});
