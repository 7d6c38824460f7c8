/**
 * What the model needs of a warehouse: the engine's `Warehouse` satisfies it, and tests can pass
 * anything shaped the same.
 */
import type { BatchSource, QueryOptions, QueryResult, SqlParams } from '../engine/index.ts';

export interface ModelWarehouse {
  /** Trusted SQL (DDL, internal statements). */
  execute(sql: string, params?: SqlParams): Promise<unknown>;
  /** One read-only statement, columnar result. */
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Appends batches to an existing table. */
  ingest(table: string, batches: BatchSource): Promise<unknown>;
}
