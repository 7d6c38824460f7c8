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
 * Values are JS-friendly: BIGINT/HUGEINT that fits in 2^53 becomes number (else bigint), DECIMAL
 * becomes number, DATE an ISO `YYYY-MM-DD` string, TIMESTAMP an ISO `YYYY-MM-DDTHH:MM:SS.sss`
 * string (with a `Z` for TIMESTAMPTZ), LIST/ARRAY an array, STRUCT/MAP/UNION JSON text, other
 * types (TIME, INTERVAL, UUID, BLOB) as DuckDB prints them.
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

/**
 * A batch of rows to ingest, column by column (what connectors yield, after the host maps it;
 * `rowsToBatch` turns row objects into one). Values meet the table's column types as in a CSV
 * import: numbers or bigints for numeric columns, `YYYY-MM-DD` strings or Dates for DATE, Dates
 * for TIMESTAMP, arrays for LIST; text is parsed by DuckDB (`'12.50'` into a DECIMAL is exact).
 */
export interface ColumnarBatch {
  /** Column names (case-insensitive), in any order; table columns left out are NULL. */
  columns: string[];
  /** One array per column, all of the same length. */
  data: SqlValue[][];
}
