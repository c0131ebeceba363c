import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { binaryArray } from './binary-arrays';

describe('binary array parameters as PostgreSQL reads them', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('Given every element type with NULLs, quotes, backslashes and Japanese, then the server reads back exactly the values written', async () => {
    const texts = ['plain', 'a,b', '{x}', 'NULL', 'q"uote', 'back\\slash', '予め指定した条件', null];
    const uuids = ['0b1e0a4c-5c7e-4f39-9d6c-0a1b2c3d4e5f', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', null];
    const json = [JSON.stringify({ ja: ['データ倫理審査会'], quote: 'a"b\\c' }), null, '[1,2]'];
    const times = [new Date('2026-01-02T03:04:05.678Z'), new Date('1999-12-31T23:59:59.999Z'), null];
    const bytes = [Buffer.from([0, 1, 254, 255]), Buffer.alloc(0), null];
    const [row] = await dataSource.query(
      `SELECT $1::text[] AS "texts", $2::uuid[]::text[] AS "uuids", $3::jsonb[] AS "json", $4::integer[] AS "numbers",
              $5::timestamptz[] AS "times", $6::bytea[] AS "bytes", cardinality($7::uuid[]) AS "empty"`,
      [
        binaryArray.text(texts),
        binaryArray.uuid(uuids),
        binaryArray.jsonb(json),
        binaryArray.int4([1, -2, 2_147_483_647, null]),
        binaryArray.timestamptz(times),
        binaryArray.bytea(bytes),
        binaryArray.uuid([]),
      ],
    );
    expect(row.texts).toEqual(texts);
    expect(row.uuids).toEqual(uuids.map((uuid) => uuid?.toLowerCase() ?? null));
    expect(row.json).toEqual([{ ja: ['データ倫理審査会'], quote: 'a"b\\c' }, null, [1, 2]]);
    expect(row.numbers).toEqual([1, -2, 2_147_483_647, null]);
    expect(row.times.map((time: Date | null) => time?.toISOString() ?? null)).toEqual(times.map((time) => time?.toISOString() ?? null));
    expect(row.bytes).toEqual(bytes);
    expect(row.empty).toBe(0);
  });

  it('Given a value that is not a uuid or an invalid date, then the parameter is refused before it is sent', () => {
    expect(() => binaryArray.uuid(['not-a-uuid'])).toThrow(TypeError);
    const uuid = '0b1e0a4c-5c7e-4f39-9d6c-0a1b2c3d4e5f';
    // A non-hex digit anywhere (the last included), a hyphen out of place, a character beyond ASCII, one digit too many or too few.
    for (const almost of [`${uuid.slice(0, 35)}g`, `x${uuid.slice(1)}`, `${uuid.slice(0, 8)}x${uuid.slice(9)}`, `${uuid.slice(0, 35)}é`]) {
      expect(() => binaryArray.uuid([uuid, almost])).toThrow(TypeError);
    }
    expect(() => binaryArray.uuid([`${uuid}0`])).toThrow(TypeError);
    expect(() => binaryArray.uuid([uuid.slice(1)])).toThrow(TypeError);
    expect(() => binaryArray.timestamptz([new Date(Number.NaN)])).toThrow(TypeError);
  });

  it('Given text with a NUL character, then PostgreSQL refuses it as it refuses a literal', async () => {
    await expect(dataSource.query(`SELECT $1::text[] AS "texts"`, [binaryArray.text(['a\u0000b'])])).rejects.toThrow();
  });
});
