import { plainArrayLiteral, textArrayLiteral } from './array-literals';

describe('PostgreSQL array literals for batch parameters', () => {
  it('Given uuids, integers or ISO timestamps, then they are joined unquoted', () => {
    expect(plainArrayLiteral(['0b1e0a4c-5c7e-4f39-9d6c-0a1b2c3d4e5f', '2026-01-02T03:04:05.678Z', 42])).toBe(
      '{0b1e0a4c-5c7e-4f39-9d6c-0a1b2c3d4e5f,2026-01-02T03:04:05.678Z,42}',
    );
    expect(plainArrayLiteral([])).toBe('{}');
  });

  it('Given provider identifiers with the characters an array literal gives meaning to, then each is quoted and escaped as node-postgres would', () => {
    expect(textArrayLiteral(['plain', 'a,b', '{x}', 'NULL', ' spaced ', 'q"uote', 'back\\slash'])).toBe(
      '{"plain","a,b","{x}","NULL"," spaced ","q\\"uote","back\\\\slash"}',
    );
  });
});
