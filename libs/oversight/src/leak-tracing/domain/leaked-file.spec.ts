import { idsInFile, subjectIdsToTrace } from './leaked-file';

const A = 'a'.repeat(43);
const B = 'B_-' + 'b'.repeat(40);
const DIGEST = 'Z'.repeat(43);

describe('finding pseudonymous ids in a leaked file', () => {
  it('given a package, when read, then only the values under subject keys count (not digests of the same shape)', () => {
    const file = JSON.stringify({
      transferId: 't',
      subjects: [
        { subject: A, records: [{ digest: DIGEST }] },
        { subject: B, records: [] },
      ],
    });
    expect(idsInFile(file)).toEqual([A, B]);
  });

  it('given JSON without subject keys, when read, then every id-shaped string counts', () => {
    expect(idsInFile(JSON.stringify([{ who: A }, { who: B }, { who: 'short' }]))).toEqual([A, B]);
  });

  it('given CSV, when read, then every id-shaped cell counts once', () => {
    expect(idsInFile(`subject,total\n${A},1\n"${B}",2\n${A},3\n`)).toEqual([A, B]);
  });

  it('given base64, when decoded, then the ids inside are found', () => {
    expect(subjectIdsToTrace({ file: Buffer.from(`id\n${A}\n`).toString('base64'), fileEncoding: 'base64' })).toEqual({
      ids: [A],
      problems: [],
    });
  });

  it('refuses neither or both inputs, an empty list and a file without ids', () => {
    expect(subjectIdsToTrace({}).problems).toEqual([{ path: '', message: 'give either subjectIds or file' }]);
    expect(subjectIdsToTrace({ subjectIds: [A], file: 'x' }).problems).toHaveLength(1);
    expect(subjectIdsToTrace({ subjectIds: [] }).problems[0].path).toBe('/subjectIds');
    expect(subjectIdsToTrace({ file: 'nothing here' }).problems).toEqual([{ path: '/file', message: 'holds no pseudonymous subject id' }]);
  });
});
