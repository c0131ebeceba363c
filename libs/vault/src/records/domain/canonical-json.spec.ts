import { canonicalJson } from './canonical-json';

describe('canonical JSON of record content', () => {
  it('Given the same content with members in another order, then the canonical JSON is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('Given nested content, then members are sorted by name at every level and written as compact JSON', () => {
    const content = { 店舗: { 名前: 'さくら', code: 'S1' }, b: [{ z: null, y: true }, 'ß"\\\n'], a: 1.5, A: -0, list: [] };
    expect(canonicalJson(content)).toBe(
      '{"A":0,"a":1.5,"b":[{"y":true,"z":null},"ß\\"\\\\\\n"],"list":[],"店舗":{"code":"S1","名前":"さくら"}}',
    );
  });

  it('Given member names that are array indices or __proto__, then they are still sorted as text, not as numbers', () => {
    expect(canonicalJson(JSON.parse('{"b":{"10":1,"9":2,"x":3},"a":[{"2":0,"10":0}]}'))).toBe(
      '{"a":[{"10":0,"2":0}],"b":{"10":1,"9":2,"x":3}}',
    );
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":1,"a":2}}'))).toBe('{"__proto__":{"a":2,"b":1},"z":1}');
  });

  it('Given members without a JSON value, then they are left out as JSON.stringify leaves them out', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('text')).toBe('"text"');
  });

  it('Given many objects of shapes that share their first names, then each is sorted as its own names say (the shape cache never mixes them)', () => {
    const reference = (value: unknown): unknown =>
      typeof value !== 'object' || value === null
        ? value
        : Array.isArray(value)
          ? value.map(reference)
          : Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, reference((value as Record<string, unknown>)[key])]),
            );
    // 600 shapes (more than the cache keeps), all starting with "z", in an order that revisits each.
    const shapes = Array.from({ length: 600 }, (_, shape) => [
      'z',
      ...Array.from({ length: 1 + (shape % 7) }, (__, n) => `k${(shape * 7 + n) % 13}`),
    ]);
    for (let round = 0; round < 3; round += 1) {
      for (const [index, names] of shapes.entries()) {
        const value = Object.fromEntries([...new Set(names)].map((name, position) => [name, { n: index, position }]));
        expect(canonicalJson(value)).toBe(JSON.stringify(reference(value)));
      }
    }
    // One shape orderable, the next with the same first names plus an index name: not taken for the first.
    expect(canonicalJson(JSON.parse('{"b":1,"a":2}'))).toBe('{"a":2,"b":1}');
    expect(canonicalJson(JSON.parse('{"b":1,"a":2,"10":3}'))).toBe('{"10":3,"a":2,"b":1}');
    expect(canonicalJson(JSON.parse('{"b":1,"a":2}'))).toBe('{"a":2,"b":1}');
  });
});
