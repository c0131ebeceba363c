import { jsonDepthExceeds, nulCharacterPaths } from './body-guards';

describe('JSON depth', () => {
  it('counts nesting of arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[[[[[[[ \\" {{{{' }), 1)).toBe(false);
  });

  it('stops at the limit without recursion, however deep the body', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000), 32)).toBe(true);
  });
});

describe('NUL characters', () => {
  it('names every string value or key holding one, as a JSON pointer', () => {
    expect(nulCharacterPaths({ name: 'a\u0000b', list: ['ok', 'x\u0000'], nested: { ['k\u0000']: 1 }, count: 3 })).toEqual([
      '/name',
      '/list/1',
      '/nested/k\\u0000',
    ]);
    expect(nulCharacterPaths({ name: 'clean', list: [1, null, true] })).toEqual([]);
    expect(nulCharacterPaths(undefined)).toEqual([]);
  });

  it('does not walk a body kept as bytes (a megabyte deposit batch would be walked byte by byte)', () => {
    const bytes = Buffer.alloc(4 * 1024 * 1024, 0);
    const started = performance.now();
    expect(nulCharacterPaths(bytes)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
