import { decodeRecordCursor, encodeRecordCursor } from './record-cursor';

describe('record cursor', () => {
  const afterRecord = '6f1c1f4e-8a0b-4c43-9c61-0c5b7f6b2a10';

  it('Given a cursor it issued, then it reads the same row id back', () => {
    const cursor = encodeRecordCursor({ afterRecord });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(decodeRecordCursor(cursor)).toEqual({ afterRecord });
  });

  it('Given a cursor, then it carries nothing but the row id (no time, no record content)', () => {
    expect(Buffer.from(encodeRecordCursor({ afterRecord }), 'base64url').toString('hex')).toBe(afterRecord.replaceAll('-', ''));
  });

  it('Given anything it did not issue, then it is refused', () => {
    const issued = encodeRecordCursor({ afterRecord });
    for (const text of ['', 'not a cursor!', issued.slice(1), `${issued}A`, `${issued.slice(0, 21)}B`, afterRecord, 'eyJ0IjoiMjAyNSJ9']) {
      expect(decodeRecordCursor(text)).toBeNull();
    }
  });

  it('Given something that is not a row id, then it issues no cursor', () => {
    expect(() => encodeRecordCursor({ afterRecord: 'not-a-uuid' })).toThrow(TypeError);
  });
});
