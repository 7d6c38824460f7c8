/**
 * The warehouse engine: the only module that talks to DuckDB.
 *
 * @example
 * const warehouse = await Warehouse.open({ path: 'workspace/baton.duckdb', importsDir: 'workspace/imports' });
 * const result = await warehouse.query('select platform, sum(spend) from ad_performance_daily group by all');
 */
export { Warehouse } from './warehouse.ts';
export { WarehouseSession } from './session.ts';
export { rowsToBatch } from './batch.ts';
export { ALLOWED_TABLE_FUNCTIONS } from './guard.ts';
export { CELLS_CATALOG } from './open.ts';
export { quoteIdentifier } from './names.ts';
export type { BatchSource } from './ingest.ts';
export {
  IngestError,
  QueryCancelledError,
  QueryError,
  QueryRefusedError,
  QueryTimeoutError,
  WarehouseOpenError,
} from './errors.ts';
export type {
  ColumnarBatch,
  ColumnInfo,
  QueryOptions,
  QueryResult,
  SqlParams,
  SqlValue,
  WarehouseOptions,
} from './types.ts';
