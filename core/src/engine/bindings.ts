/**
 * The few raw C-API calls of `@duckdb/node-bindings` that bulk ingest needs, typed here.
 *
 * Why: node-api's vector classes write one value object at a time (a `DuckDBDateValue`, a
 * `DuckDBDecimalValue` with a bigint, one N-API call per string), and rebuild an ENUM type's
 * dictionary on every `getColumnVector`. Filling a typed array and copying it into the vector
 * in one call is what makes the appender as fast as DuckDB's own CSV reader (see
 * test/bench/ingest.ts). The bindings are loaded from node-api's own location so both share one
 * native module: handles from one are valid in the other.
 */
import { createRequire } from 'node:module';
import type { DuckDBDataChunk, DuckDBLogicalType } from '@duckdb/node-api';

export type RawDataChunk = DuckDBDataChunk['chunk'];
export type RawLogicalType = DuckDBLogicalType['logical_type'];
/** An opaque `duckdb_vector` handle. */
export type RawVector = { readonly __duckdbVector: unique symbol };

interface RawBindings {
  create_data_chunk(logicalTypes: readonly RawLogicalType[]): RawDataChunk;
  data_chunk_reset(chunk: RawDataChunk): void;
  data_chunk_set_size(chunk: RawDataChunk, size: number): void;
  data_chunk_get_vector(chunk: RawDataChunk, columnIndex: number): RawVector;
  vector_size(): number;
  vector_ensure_validity_writable(vector: RawVector): void;
  vector_assign_string_element(vector: RawVector, index: number, value: string): void;
  copy_data_to_vector(
    target: RawVector,
    targetByteOffset: number,
    source: ArrayBufferLike,
    sourceByteOffset: number,
    byteCount: number,
  ): void;
  copy_data_to_vector_validity(
    target: RawVector,
    targetByteOffset: number,
    source: ArrayBufferLike,
    sourceByteOffset: number,
    byteCount: number,
  ): void;
}

const requireFromNodeApi = createRequire(
  createRequire(import.meta.url).resolve('@duckdb/node-api'),
);

export const bindings = requireFromNodeApi('@duckdb/node-bindings') as RawBindings;

/** Rows per data chunk (DuckDB's vector size, 2048). */
export const VECTOR_SIZE = bindings.vector_size();
