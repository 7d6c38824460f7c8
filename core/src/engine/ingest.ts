/**
 * Bulk ingest through DuckDB's appender, a data chunk at a time. Each batch column is encoded
 * once (encode.ts), then copied slice by slice into one reused chunk that the appender casts to
 * the table's types.
 *
 * `ingestAtomically` first appends into an in-memory staging table, then moves the rows with one
 * INSERT ... SELECT inside a transaction. Why: the appender compresses and writes row groups on
 * the calling thread, while DuckDB runs the INSERT's storage work on all its threads; measured on
 * 1M rows, staging then inserting took ~2.0 s against ~2.6 s appending straight to the table.
 */
import { randomUUID } from 'node:crypto';
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
import { quoteRelation } from './names.ts';
import { STAGING } from './open.ts';
import type { ColumnarBatch } from './types.ts';

export type BatchSource = ColumnarBatch | Iterable<ColumnarBatch> | AsyncIterable<ColumnarBatch>;

/** A table's catalog, schema and name, as resolved (not quoted). */
export interface TableName {
  catalog: string;
  schema: string;
  name: string;
}

/** Rows staged in memory before the rest goes straight to the table (bounds the memory used). */
const STAGED_ROWS = 2_000_000;

/** Appends every batch to `table` (which must exist), in the caller's transaction if any. */
export async function appendBatches(
  connection: DuckDBConnection,
  table: TableName,
  batches: BatchSource,
): Promise<number> {
  const appender = await TableAppender.open(connection, table);
  let rows = 0;
  try {
    for await (const batch of iterate(batches)) rows += appender.append(batch);
    appender.close();
    return rows;
  } catch (error) {
    throw appender.fail(error);
  }
}

/**
 * Appends every batch to `table` all or nothing, in a transaction of its own; `beforeCommit` runs
 * inside it (to bump the data version). The first `STAGED_ROWS` rows go through the staging
 * table, any more straight to the table within the same transaction.
 */
export async function ingestAtomically(
  connection: DuckDBConnection,
  table: TableName,
  batches: BatchSource,
  beforeCommit: () => Promise<void>,
): Promise<number> {
  const stageTable = { ...STAGING, name: randomUUID() };
  const stage = quoteRelation(stageTable);
  const target = quoteRelation(table);
  // Same column types as the table; constraints are checked when the rows reach it.
  await connection.run(`CREATE TABLE ${stage} AS SELECT * FROM ${target} LIMIT 0`);
  let inTransaction = false;
  let failed = false;
  let appender = await TableAppender.open(connection, stageTable, target);
  try {
    let staged = true;
    let rows = 0;
    const moveStaged = async () => {
      appender.close();
      // Staged rows are written outside the transaction: a transaction writes one database only.
      await connection.run('BEGIN TRANSACTION');
      inTransaction = true;
      await connection.run(`INSERT INTO ${target} SELECT * FROM ${stage}`);
      staged = false;
    };
    for await (const batch of iterate(batches)) {
      if (staged && rows >= STAGED_ROWS) {
        await moveStaged();
        appender = await TableAppender.open(connection, table);
      }
      rows += appender.append(batch);
    }
    if (staged) await moveStaged();
    else appender.close();
    await beforeCommit();
    await connection.run('COMMIT');
    inTransaction = false;
    return rows;
  } catch (error) {
    failed = true;
    const failure = appender.fail(error);
    if (inTransaction) await connection.run('ROLLBACK').catch(() => {}); // `failure` says why
    throw failure;
  } finally {
    // A failed clean-up must not hide why the ingest failed; after a success it is reported.
    await connection.run(`DROP TABLE IF EXISTS ${stage}`).catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}

/** An appender with the table's column names and types, appending whole batches. */
class TableAppender {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly tableName: string,
    private readonly names: string[],
    private readonly types: DuckDBType[],
  ) {}

  /** `shownAs` names the table in errors (the target, not the staging table). */
  static async open(
    connection: DuckDBConnection,
    table: TableName,
    shownAs = quoteRelation(table),
  ): Promise<TableAppender> {
    const names = await columnNames(connection, table);
    const appender = await connection.createAppender(table.name, table.schema, table.catalog);
    const types = names.map((_, index) => appender.columnType(index));
    return new TableAppender(appender, shownAs, names, types);
  }

  append(batch: ColumnarBatch): number {
    return appendBatch(this.appender, this.tableName, this.names, this.types, batch);
  }

  /** Flushes what is left and closes. */
  close(): void {
    this.appender.closeSync();
  }

  /** Closes after a failure and returns the error to throw (an IngestError). */
  fail(error: unknown): IngestError {
    try {
      this.appender.closeSync();
    } catch {
      // Already closed, or in error: the first error is the one to report.
    }
    if (error instanceof IngestError) return error;
    return new IngestError(
      `Could not append to ${this.tableName}: ${duckdbMessage(error)}`,
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

async function columnNames(connection: DuckDBConnection, table: TableName): Promise<string[]> {
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
