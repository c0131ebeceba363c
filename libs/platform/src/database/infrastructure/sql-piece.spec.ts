import { mapRead, readPiece, readTogether, renderSql, sql } from './sql-piece';

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

  it("reads several owners' reads as one statement, each part read back by its owner, the first refusal first", () => {
    // Given two owners' reads, each with its own parameter and its own way of reading its value back
    const verified = readPiece(sql`SELECT "verified" FROM "accounts" WHERE "id" = ${'individual-1'}`, (json) => json === true);
    const offer = mapRead(
      readPiece(sql`SELECT to_jsonb(o) FROM "offers" o WHERE "id" = ${'offer-1'}`, (json) => json as { id: string } | null),
      (row) => {
        if (row === null) throw new Error('OFFER_NOT_FOUND');
        return row.id;
      },
    );
    // When a third reads them together
    const together = readTogether({ verified, offer });
    // Then one statement selects both values, numbered once
    const statement = renderSql(together.piece);
    expect(statement.text).toBe(
      'SELECT jsonb_build_array((SELECT "verified" FROM "accounts" WHERE "id" = $1), (SELECT to_jsonb(o) FROM "offers" o WHERE "id" = $2))',
    );
    expect(statement.values).toEqual(['individual-1', 'offer-1']);
    // And each value is read back by its owner, in the order given
    expect(together.read([true, { id: 'offer-1' }])).toEqual({ verified: true, offer: 'offer-1' });
    const refusing = readTogether({
      first: mapRead(verified, () => {
        throw new Error('EMAIL_VERIFICATION_REQUIRED');
      }),
      offer,
    });
    expect(() => refusing.read([false, null])).toThrow('EMAIL_VERIFICATION_REQUIRED');
  });
});
