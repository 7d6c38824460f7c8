/**
 * The warehouse contract: what the rest of core sees of DuckDB. Only `core/src/engine` imports
 * `@duckdb/node-api`; everything else goes through these types.
 */

/** A value that can be bound as a prepared-statement parameter or read from a result. */
export type SqlValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date // DATE / TIMESTAMP
  | SqlValue[]; // LIST

/** Named parameters, bound as `$name` (never spliced into SQL text). */
export type SqlParams = Record<string, SqlValue>;

export interface ColumnInfo {
  name: string;
  /** DuckDB's type name, e.g. `VARCHAR`, `DECIMAL(18,2)`, `DATE`. */
  type: string;
}

/**
 * A columnar result: `columns[i]` describes `data[i]`, an array of `rowCount` values.
 * Values are JS-friendly: BIGINT that fits in 2^53 becomes number, DECIMAL becomes number,
 * DATE becomes an ISO `YYYY-MM-DD` string, TIMESTAMP an ISO string, LIST an array.
 */
export interface QueryResult {
  columns: ColumnInfo[];
  data: SqlValue[][];
  /** Rows returned (at most the row cap). */
  rowCount: number;
  /** Rows the statement produced in total, before the cap. */
  totalRows: number;
  truncated: boolean;
}

export interface QueryOptions {
  params?: SqlParams;
  /** Interrupt the query after this long (default: the warehouse's `queryTimeoutMs`). */
  timeoutMs?: number;
  /** Keep at most this many rows (default: the warehouse's `rowCap`). */
  rowCap?: number;
  signal?: AbortSignal;
}

export interface WarehouseOptions {
  /** The workspace DuckDB file, or ':memory:'. Must not sit inside `importsDir`. */
  path: string;
  /** The only directory user SQL may read files from (the workspace's `imports/`). */
  importsDir: string;
  /** Spill directory (default: a `tmp/` beside the database file). */
  tempDir?: string;
  memoryLimit?: string; // default '4GB'
  threads?: number; // default: cores
  queryTimeoutMs?: number; // default 30_000
  rowCap?: number; // default 10_000
  /** Pooled connections; a session pins one (default 4). */
  connections?: number;
}

/** A batch of rows to ingest, column by column (what connectors yield, after the host maps it). */
export interface ColumnarBatch {
  /** Column names, in the target table's order or a subset of it. */
  columns: string[];
  /** One array per column, all of the same length. */
  data: SqlValue[][];
}
