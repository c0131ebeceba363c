import { readTar, writeTar } from './tar-archive';

describe('the bundle archive (ustar)', () => {
  const at = new Date('2026-12-07T00:00:00Z');
  const entries = [
    { name: 'infobank-disclosure-0123abcd/README.md', content: Buffer.from('# 開示請求の回答\n', 'utf8') },
    { name: 'infobank-disclosure-0123abcd/empty.json', content: Buffer.alloc(0) },
    { name: 'infobank-disclosure-0123abcd/block.csv', content: Buffer.alloc(512, 0x61) },
  ];

  it('reads back exactly the files written, in order', () => {
    expect(readTar(writeTar(entries, at))).toEqual(entries);
  });

  it('pads every file to 512-byte blocks and ends with two empty blocks', () => {
    const archive = writeTar(entries, at);
    // Three headers, 1 + 0 + 1 data blocks, two end blocks.
    expect(archive.length).toBe(512 * (3 + 2 + 2));
    expect(archive.subarray(257, 263).toString('binary')).toBe('ustar\u0000');
    expect(archive.subarray(archive.length - 1024).every((byte) => byte === 0)).toBe(true);
  });

  it('refuses a damaged header instead of reading garbage', () => {
    const archive = writeTar(entries, at);
    archive[0] ^= 0xff;
    expect(() => readTar(archive)).toThrow(/Damaged tar header/);
  });

  it('refuses a name longer than a ustar name field', () => {
    expect(() => writeTar([{ name: 'x'.repeat(101), content: Buffer.alloc(1) }], at)).toThrow(RangeError);
  });
});
