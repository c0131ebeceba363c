import { CSV_BOM, parseCsv, toCsv } from './csv';

describe('the CSV files of a bundle', () => {
  it('starts with a BOM and a header, ends rows with CRLF, and writes nested values as JSON text and null as empty', () => {
    const text = toCsv(
      ['id', 'name', 'items', 'endedAt'],
      [{ id: 'a', name: { ja: '株式会社', en: 'KK' }, items: ['x', 'y'], endedAt: null }],
    );
    expect(text).toBe(`${CSV_BOM}id,name,items,endedAt\r\na,"{""ja"":""株式会社"",""en"":""KK""}","[""x"",""y""]",\r\n`);
  });

  it('reads back every cell as written, commas, quotes and line breaks included', () => {
    const rows = [
      { id: '1', text: 'plain' },
      { id: '2', text: 'a, "quoted"\r\nsecond line' },
      { id: '3', text: '' },
    ];
    expect(parseCsv(toCsv(['id', 'text'], rows))).toEqual(rows);
  });

  it('reads a file with a header only as no rows', () => {
    expect(parseCsv(toCsv(['id'], []))).toEqual([]);
  });
});
