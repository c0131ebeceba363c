/**
 * PostgreSQL arrays in the binary wire format, for parameters of a page of rows (`unnest($1::uuid[], …)`).
 * node-postgres sends a Buffer parameter as binary: PostgreSQL then reads each element as it is (array_recv)
 * instead of parsing a text literal that node-postgres built element by element with quoting and escaping
 * (for a page of 1,000 consent events, megabytes of string work on one side and of parsing on the other).
 * The statement must cast the parameter to exactly the array type encoded here (`$1::uuid[]` for
 * `binaryArray.uuid`), since PostgreSQL refuses an array whose element type differs from the parameter's.
 */

/** Element type oids (pg_type) the arrays below carry. */
const ELEMENT_OID = { bytea: 17, int4: 23, text: 25, timestamptz: 1184, uuid: 2950, jsonb: 3802 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
/** The jsonb binary format's version byte, before the JSON text. */
const JSONB_VERSION = 1;

type ElementWriter<Value> = {
  /** Bytes the element takes. */
  size(value: Value): number;
  /** Writes the element at `offset` (exactly `size` bytes). */
  write(buffer: Buffer, offset: number, value: Value, size: number): void;
};

/** One-dimensional array, lower bound 1: header, then each element as its length (-1 for NULL) and bytes. */
function encode<Value>(elementOid: number, values: readonly (Value | null)[], element: ElementWriter<Value>): Buffer {
  if (values.length === 0) {
    const empty = Buffer.alloc(12);
    empty.writeUInt32BE(elementOid, 8);
    return empty;
  }
  const sizes = new Array<number>(values.length);
  let total = 20;
  let hasNull = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null) {
      sizes[index] = -1;
      hasNull = 1;
      total += 4;
    } else {
      sizes[index] = element.size(value);
      total += 4 + sizes[index];
    }
  }
  const buffer = Buffer.allocUnsafe(total);
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNull, 4);
  buffer.writeUInt32BE(elementOid, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16);
  let offset = 20;
  for (let index = 0; index < values.length; index += 1) {
    buffer.writeInt32BE(sizes[index], offset);
    offset += 4;
    const value = values[index];
    if (value !== null) {
      element.write(buffer, offset, value, sizes[index]);
      offset += sizes[index];
    }
  }
  return buffer;
}

const utf8: ElementWriter<string> = {
  size: (value) => Buffer.byteLength(value, 'utf8'),
  write: (buffer, offset, value, size) => void buffer.write(value, offset, size, 'utf8'),
};

/** Binary array parameters, one builder per element type; null elements are NULL. */
export const binaryArray = {
  /** `uuid[]`; a value that is not a uuid is refused here (the binary format would not check it). */
  uuid(values: readonly (string | null)[]): Buffer {
    return encode(ELEMENT_OID.uuid, values, {
      size: (value) => {
        if (!UUID.test(value)) throw new TypeError('A uuid array parameter holds a value that is not a uuid.');
        return 16;
      },
      write: (buffer, offset, value) => {
        buffer.write(
          value.slice(0, 8) + value.slice(9, 13) + value.slice(14, 18) + value.slice(19, 23) + value.slice(24),
          offset,
          16,
          'hex',
        );
      },
    });
  },

  /** `text[]` (PostgreSQL still checks the encoding and refuses NUL). */
  text(values: readonly (string | null)[]): Buffer {
    return encode(ELEMENT_OID.text, values, utf8);
  },

  /** `jsonb[]` of JSON texts (PostgreSQL parses each, as it would a literal). */
  jsonb(values: readonly (string | null)[]): Buffer {
    return encode(ELEMENT_OID.jsonb, values, {
      size: (value) => 1 + utf8.size(value),
      write: (buffer, offset, value, size) => {
        buffer[offset] = JSONB_VERSION;
        utf8.write(buffer, offset + 1, value, size - 1);
      },
    });
  },

  /** `integer[]`. */
  int4(values: readonly (number | null)[]): Buffer {
    return encode(ELEMENT_OID.int4, values, { size: () => 4, write: (buffer, offset, value) => void buffer.writeInt32BE(value, offset) });
  },

  /** `timestamptz[]` at millisecond precision; an invalid Date is refused. */
  timestamptz(values: readonly (Date | null)[]): Buffer {
    return encode(ELEMENT_OID.timestamptz, values, {
      size: (value) => {
        if (Number.isNaN(value.getTime())) throw new TypeError('A timestamptz array parameter holds an invalid date.');
        return 8;
      },
      write: (buffer, offset, value) => void buffer.writeBigInt64BE(BigInt(value.getTime() - POSTGRES_EPOCH_MS) * 1000n, offset),
    });
  },

  /** `bytea[]`: the bytes as they are (a text literal would carry each one as two hex digits). */
  bytea(values: readonly (Buffer | null)[]): Buffer {
    return encode(ELEMENT_OID.bytea, values, {
      size: (value) => value.length,
      write: (buffer, offset, value) => void value.copy(buffer, offset),
    });
  },
};
