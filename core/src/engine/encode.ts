/**
 * Column encoders for bulk ingest: each turns one batch column of JS values into a *carrier*
 * vector that is cheap to fill from JS (a typed array copied in one call, or an ENUM of the
 * column's distinct strings), and lets the appender cast carrier to target type in C++
 * (`appendDataChunk` casts when the chunk's types differ from the table's).
 */
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBTypeId,
  ENUM,
  jsToDuckDBValue,
  TIMESTAMP,
  TIMESTAMPTZ,
  VARCHAR,
  type DuckDBType,
} from '@duckdb/node-api';
import { bindings, type RawDataChunk, type RawVector } from './bindings.ts';
import type { SqlValue } from './types.ts';

/** One batch column, ready to be copied slice by slice into data chunks. */
export interface ColumnEncoder {
  /** The carrier type of the chunk column. */
  readonly type: DuckDBType;
  /** Writes rows `[offset, offset + count)` into the chunk's vector `columnIndex`. */
  write(chunk: RawDataChunk, columnIndex: number, offset: number, count: number): void;
}

type Values = readonly (SqlValue | undefined)[];

const INTEGER_TYPES = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
]);
const NUMERIC_TYPES = new Set([
  ...INTEGER_TYPES,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);
const TIMESTAMP_TYPES = new Set([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_NS,
]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
const TWO_POW_32 = 4_294_967_296;

/** Picks the cheapest carrier for `values` given the target column's type. */
export function encodeColumn(
  target: DuckDBType,
  values: Values | undefined,
  rowCount: number,
): ColumnEncoder {
  if (values === undefined) return allNull(rowCount);
  const id = target.typeId;
  // Each typed encoder gives up (undefined) at the first value it cannot carry.
  const typed =
    id === DuckDBTypeId.VARCHAR
      ? dictionaryEncode(values)
      : NUMERIC_TYPES.has(id)
        ? (doubles(values) ?? (INTEGER_TYPES.has(id) ? bigints(values) : undefined))
        : id === DuckDBTypeId.BOOLEAN
          ? booleans(values)
          : id === DuckDBTypeId.DATE
            ? dates(values)
            : TIMESTAMP_TYPES.has(id)
              ? timestamps(values, id === DuckDBTypeId.TIMESTAMP_TZ)
              : undefined;
  if (typed) return typed;
  // Other scalars go in as text, which DuckDB parses as it does a CSV field.
  if (values.every(isScalar)) return strings(values.map(toText));
  return generic(target, values);
}

function isScalar(value: SqlValue | undefined): boolean {
  return value == null || typeof value !== 'object' || value instanceof Date;
}

/** A validity bitmap (bit set = value present), allocated at the first NULL. */
class NullMask {
  bits: Uint8Array | undefined;

  constructor(private readonly length: number) {}

  markNull(index: number): void {
    this.bits ??= new Uint8Array(Math.ceil(this.length / 8)).fill(0xff);
    this.bits[index >> 3]! &= ~(1 << (index & 7));
  }
}

/** Copies a slice of a typed array (and of the validity bitmap) into a vector. */
function fixedWidth(
  type: DuckDBType,
  data: Uint8Array | Int32Array | Float64Array | BigInt64Array | Uint16Array | Uint32Array,
  mask: Uint8Array | undefined,
): ColumnEncoder {
  const width = data.BYTES_PER_ELEMENT;
  return {
    type,
    write(chunk, columnIndex, offset, count) {
      const vector = bindings.data_chunk_get_vector(chunk, columnIndex);
      bindings.copy_data_to_vector(
        vector,
        0,
        data.buffer,
        data.byteOffset + offset * width,
        count * width,
      );
      writeValidity(vector, mask, offset, count);
    },
  };
}

function writeValidity(
  vector: RawVector,
  mask: Uint8Array | undefined,
  offset: number,
  count: number,
): void {
  if (!mask) return;
  // Slices start at multiples of the vector size (2048), so they start on a byte boundary.
  bindings.vector_ensure_validity_writable(vector);
  bindings.copy_data_to_vector_validity(
    vector,
    0,
    mask.buffer,
    mask.byteOffset + offset / 8,
    Math.ceil(count / 8),
  );
}

function allNull(rowCount: number): ColumnEncoder {
  const mask = new Uint8Array(Math.ceil(rowCount / 8));
  return {
    type: VARCHAR,
    write(chunk, columnIndex, offset, count) {
      writeValidity(bindings.data_chunk_get_vector(chunk, columnIndex), mask, offset, count);
    },
  };
}

function doubles(values: Values): ColumnEncoder | undefined {
  const data = new Float64Array(values.length);
  const nulls = new NullMask(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number') data[i] = value;
    else if (value == null) nulls.markNull(i);
    else return undefined;
  }
  return fixedWidth(DOUBLE, data, nulls.bits);
}

/** Whole numbers and bigints within int64; undefined for anything else. */
function bigints(values: Values): ColumnEncoder | undefined {
  const data = new BigInt64Array(values.length);
  const nulls = new NullMask(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value == null) nulls.markNull(i);
    else if (typeof value === 'bigint' && BigInt.asIntN(64, value) === value) data[i] = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) data[i] = BigInt(value);
    else return undefined;
  }
  return fixedWidth(BIGINT, data, nulls.bits);
}

function booleans(values: Values): ColumnEncoder | undefined {
  const data = new Uint8Array(values.length);
  const nulls = new NullMask(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'boolean') data[i] = value ? 1 : 0;
    else if (value == null) nulls.markNull(i);
    else return undefined;
  }
  return fixedWidth(BOOLEAN, data, nulls.bits);
}

/** Days since the epoch from `YYYY-MM-DD` strings or Dates; undefined for anything else. */
function dates(values: Values): ColumnEncoder | undefined {
  const data = new Int32Array(values.length);
  const nulls = new NullMask(values.length);
  // Connectors repeat the same few hundred days: parse each distinct string once.
  const days = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value == null) {
      nulls.markNull(i);
    } else if (typeof value === 'string') {
      let day = days.get(value);
      if (day === undefined) {
        if (!ISO_DAY.test(value)) return undefined;
        const ms = Date.parse(value);
        if (Number.isNaN(ms)) return undefined;
        day = ms / MS_PER_DAY;
        days.set(value, day);
      }
      data[i] = day;
    } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
      data[i] = Math.floor(value.getTime() / MS_PER_DAY);
    } else {
      return undefined;
    }
  }
  return fixedWidth(DATE, data, nulls.bits);
}

/** Dates whose microseconds since the epoch are exact in a double (years ~1685 to ~2255). */
const MAX_TIMESTAMP_MS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/**
 * Microseconds since the epoch as int64, written as two 32-bit halves to avoid a BigInt per
 * value. A TIMESTAMPTZ column gets a TIMESTAMPTZ carrier: a plain TIMESTAMP carrier would be
 * cast through the session's time zone. Undefined for anything but Dates in range.
 */
function timestamps(values: Values, zoned: boolean): ColumnEncoder | undefined {
  const words = new Uint32Array(values.length * 2);
  const signed = new Int32Array(words.buffer);
  const nulls = new NullMask(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value == null) {
      nulls.markNull(i);
      continue;
    }
    if (!(value instanceof Date)) return undefined;
    const ms = value.getTime();
    if (Number.isNaN(ms) || Math.abs(ms) > MAX_TIMESTAMP_MS) return undefined;
    const micros = ms * 1000;
    const high = Math.floor(micros / TWO_POW_32);
    words[2 * i] = micros - high * TWO_POW_32; // little-endian: low word first
    signed[2 * i + 1] = high;
  }
  const data = new BigInt64Array(words.buffer);
  return fixedWidth(zoned ? TIMESTAMPTZ : TIMESTAMP, data, nulls.bits);
}

function toText(value: SqlValue | undefined): string | null {
  if (value == null) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Strings written one by one (one N-API call each). */
function strings(values: readonly (string | null)[]): ColumnEncoder {
  const nulls = new NullMask(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] == null) nulls.markNull(i);
  return {
    type: VARCHAR,
    write(chunk, columnIndex, offset, count) {
      const vector = bindings.data_chunk_get_vector(chunk, columnIndex);
      for (let i = 0; i < count; i++) {
        const value = values[offset + i];
        if (value != null) bindings.vector_assign_string_element(vector, i, value);
      }
      writeValidity(vector, nulls.bits, offset, count);
    },
  };
}

/**
 * A string column with few distinct values (platform, currency, campaign names over many days)
 * goes in as an ENUM of them: one typed-array copy per chunk instead of one N-API call per
 * string, and DuckDB casts ENUM to VARCHAR in C++.
 *
 * Gives up (undefined) at a value that is not a string, or once distinct values pass an eighth
 * of the rows: measured, a dictionary of 100k mostly unique strings costs 3-4x what writing them
 * one by one does, while one of a few thousand distinct values over 100k rows costs two thirds.
 */
function dictionaryEncode(values: Values): ColumnEncoder | undefined {
  const codes = new Uint32Array(values.length);
  const nulls = new NullMask(values.length);
  const members = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') {
      if (value != null) return undefined;
      nulls.markNull(i);
      continue;
    }
    let code = members.get(value);
    if (code === undefined) {
      code = members.size;
      members.set(value, code);
      if (code > values.length / 8) return undefined;
    }
    codes[i] = code;
  }
  if (members.size === 0) return undefined;
  // DuckDB stores an ENUM's codes in the narrowest unsigned type that fits its size.
  const data =
    members.size <= 0xff
      ? Uint8Array.from(codes)
      : members.size <= 0xffff
        ? Uint16Array.from(codes)
        : codes;
  return fixedWidth(ENUM([...members.keys()]), data, nulls.bits);
}

/** Lists, structs, blobs...: node-api's own per-value conversion into the target type. */
function generic(target: DuckDBType, values: Values): ColumnEncoder {
  return {
    type: target,
    write(chunk, columnIndex, offset, count) {
      const vector = new DuckDBDataChunk(chunk).getColumnVector(columnIndex);
      for (let i = 0; i < count; i++) {
        vector.setItem(i, jsToDuckDBValue((values[offset + i] ?? null) as never, target) as never);
      }
      vector.flush();
    },
  };
}
