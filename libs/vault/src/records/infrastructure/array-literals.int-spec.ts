import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { plainArrayLiteral, textArrayLiteral } from './array-literals';

describe('array literals as PostgreSQL reads them', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('Given text, uuids, integers and timestamps, then the server reads back exactly the values written', async () => {
    const texts = ['plain', 'a,b', '{x}', 'NULL', ' spaced ', 'q"uote', 'back\\slash', "it's", '~!@#$%^&*()'];
    const uuids = ['0b1e0a4c-5c7e-4f39-9d6c-0a1b2c3d4e5f', 'ffffffff-ffff-4fff-bfff-ffffffffffff'];
    const [row] = await dataSource.query(
      `SELECT $1::text[] AS "texts", $2::uuid[]::text[] AS "uuids", $3::int[] AS "numbers", $4::timestamptz[] AS "times"`,
      [
        textArrayLiteral(texts),
        plainArrayLiteral(uuids),
        plainArrayLiteral([1, -2, 30_000]),
        plainArrayLiteral(['2026-01-02T03:04:05.678Z']),
      ],
    );
    expect(row.texts).toEqual(texts);
    expect(row.uuids).toEqual(uuids);
    expect(row.numbers).toEqual([1, -2, 30_000]);
    expect(row.times.map((time: Date) => time.toISOString())).toEqual(['2026-01-02T03:04:05.678Z']);
  });
});
