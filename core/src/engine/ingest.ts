/**
 * Bulk ingest through DuckDB's appender, a data chunk at a time. Each batch column is encoded
 * once (encode.ts), then copied slice by slice into one reused chunk that the appender casts to
 * the table's types.
 */
import {
  DuckDBDataChunk,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import { bindings, VECTOR_SIZE } from './bindings.ts';
import { encodeColumn } from './encode.ts';
import { IngestError } from './errors.ts';
import { duckdbMessage } from './failures.ts';
import { quoteRelation, type Relation } from './names.ts';
import type { ColumnarBatch } from './types.ts';

export type BatchSource = ColumnarBatch | Iterable<ColumnarBatch> | AsyncIterable<ColumnarBatch>;

/** Appends every batch to `table` (which must exist) and returns the number of rows appended. */
export async function appendBatches(
  connection: DuckDBConnection,
  table: Relation,
  batches: BatchSource,
): Promise<number> {
  const names = await columnNames(connection, table);
  const appender = await connection.createAppender(table.name, table.schema, table.catalog);
  let rows = 0;
  try {
    const types = names.map((_, index) => appender.columnType(index));
    for await (const batch of iterate(batches))
      rows += appendBatch(appender, quoteRelation(table), names, types, batch);
    appender.closeSync(); // flushes
    return rows;
  } catch (error) {
    try {
      appender.closeSync();
    } catch {
      // The appender is already in error; the first error is the one to report.
    }
    if (error instanceof IngestError) throw error;
    throw new IngestError(
      `Could not append to ${quoteRelation(table)}: ${duckdbMessage(error)}`,
      'Check that each value fits its column type.',
      { cause: error },
    );
  }
}

function appendBatch(
  appender: DuckDBAppender,
  tableName: string,
  names: string[],
  types: DuckDBType[],
  batch: ColumnarBatch,
): number {
  const sources = matchColumns(tableName, names, batch);
  const rowCount = batch.data[0]?.length ?? 0;
  if (rowCount === 0) return 0;
  const encoders = types.map((type, index) => encodeColumn(type, sources[index], rowCount));
  const chunk = bindings.create_data_chunk(
    encoders.map((encoder) => encoder.type.toLogicalType().logical_type),
  );
  const wrapper = new DuckDBDataChunk(chunk);
  for (let offset = 0; offset < rowCount; offset += VECTOR_SIZE) {
    const count = Math.min(VECTOR_SIZE, rowCount - offset);
    bindings.data_chunk_reset(chunk);
    bindings.data_chunk_set_size(chunk, count);
    for (let column = 0; column < encoders.length; column++) {
      encoders[column]!.write(chunk, column, offset, count);
    }
    try {
      appender.appendDataChunk(wrapper);
    } catch (error) {
      // DuckDB names the column by index only ("type mismatch ... for column 1").
      const column = Number(/for column (\d+)/.exec(duckdbMessage(error))?.[1] ?? NaN);
      if (Number.isNaN(column) || !names[column]) throw error;
      throw new IngestError(
        `Could not append to ${tableName}: a value in column "${names[column]}" cannot be converted to ${types[column]!.toString()}.`,
        'Fix or leave out the values that do not fit the column type (dates as YYYY-MM-DD, numbers as numbers).',
        { cause: error },
      );
    }
  }
  return rowCount;
}

/** The batch's arrays in the table's column order (undefined: not in the batch, appended as NULL). */
function matchColumns(
  tableName: string,
  names: string[],
  batch: ColumnarBatch,
): (ColumnarBatch['data'][number] | undefined)[] {
  if (batch.columns.length !== batch.data.length) {
    throw new IngestError(
      `A batch for ${tableName} names ${batch.columns.length} columns but has ${batch.data.length} arrays.`,
      'Give one array per column name.',
    );
  }
  const byName = new Map(names.map((name, index) => [name.toLowerCase(), index]));
  const sources: (ColumnarBatch['data'][number] | undefined)[] = names.map(() => undefined);
  const rowCount = batch.data[0]?.length ?? 0;
  batch.columns.forEach((column, index) => {
    const target = byName.get(column.toLowerCase());
    if (target === undefined) {
      throw new IngestError(
        `${tableName} has no column "${column}" (columns: ${names.join(', ')}).`,
        'Add the column to the table, or leave it out of the batch.',
      );
    }
    if (sources[target] !== undefined)
      throw new IngestError(
        `A batch for ${tableName} names column "${column}" twice.`,
        'Give each column once.',
      );
    const values = batch.data[index]!;
    if (values.length !== rowCount) {
      throw new IngestError(
        `A batch for ${tableName} has ${values.length} values in "${column}" but ${rowCount} in "${batch.columns[0]}".`,
        'Give every column the same number of values.',
      );
    }
    sources[target] = values;
  });
  return sources;
}

async function columnNames(connection: DuckDBConnection, table: Relation): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT column_name FROM duckdb_columns() WHERE database_name = $catalog AND schema_name = $schema AND table_name = $name ORDER BY column_index`,
    { catalog: table.catalog, schema: table.schema, name: table.name },
  );
  return reader.getRows().map(([name]) => String(name));
}

async function* iterate(batches: BatchSource): AsyncIterable<ColumnarBatch> {
  if (isBatch(batches)) yield batches;
  else yield* batches;
}

function isBatch(batches: BatchSource): batches is ColumnarBatch {
  return (
    Array.isArray((batches as ColumnarBatch).columns) &&
    Array.isArray((batches as ColumnarBatch).data)
  );
}
