/**
 * A connection pinned for one notebook run: temp views made with `execute` are seen by the
 * `query`/`materialize` calls that follow. Calls on one session run one at a time.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { BatonError } from '../errors.ts';
import type { BatchSource } from './ingest.ts';
import {
  executeTrusted,
  ingestBatches,
  materializeUserSql,
  queryUserSql,
  readTable,
  type EngineContext,
  type ReadTableOptions,
} from './operations.ts';
import type { ConnectionPool } from './pool.ts';
import type { QueryOptions, QueryResult, SqlParams } from './types.ts';

export class WarehouseSession {
  #queue: Promise<unknown> = Promise.resolve();
  #released = false;

  /** @internal Sessions come from `Warehouse.session()`. */
  constructor(
    private readonly context: EngineContext,
    private readonly connection: DuckDBConnection,
    private readonly pool: ConnectionPool,
  ) {}

  /** USER SQL on this connection: same checks, limits and cap as `Warehouse.query`. */
  query(sql: string, options?: QueryOptions): Promise<QueryResult> {
    return this.#serial(() => queryUserSql(this.context, this.connection, sql, options));
  }

  /**
   * Checks USER SQL like `query`, then stores its full result in `table`, a TRUSTED name such as
   * `baton_cells."c_ab12"` (replaced if it exists), and returns its first `rowCap` rows with the
   * true total, read in the same pass.
   */
  materialize(sql: string, table: string, options?: QueryOptions): Promise<QueryResult> {
    return this.#serial(() =>
      materializeUserSql(this.context, this.connection, sql, table, options),
    );
  }

  /** A capped columnar read of a TRUSTED table name, with its full row count. */
  read(table: string, options?: ReadTableOptions): Promise<QueryResult> {
    return this.#serial(() => readTable(this.context, this.connection, table, options));
  }

  /** TRUSTED SQL only, e.g. `CREATE OR REPLACE TEMP VIEW daily AS FROM baton_cells."c_ab12"`. */
  execute(sql: string, params?: SqlParams): Promise<void> {
    return this.#serial(() => executeTrusted(this.connection, sql, params));
  }

  /**
   * Appends batches like `Warehouse.ingest`, but in this session's transaction: wrap it in
   * `execute('BEGIN')` ... `execute('COMMIT')` to replace a window of rows atomically.
   */
  ingest(table: string, batches: BatchSource): Promise<{ rows: number }> {
    return this.#serial(() =>
      ingestBatches(this.connection, table, batches, { ownTransaction: false }),
    );
  }

  /**
   * Gives the connection back (after any call still running). The connection is closed, not
   * reused, so this session's temp views and transaction never reach the next user.
   */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    void this.#queue.finally(() => this.pool.release(this.connection, { discard: true }));
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.#released)
      return Promise.reject(
        new BatonError(
          'closed',
          'This warehouse session was released.',
          'Start a new one with warehouse.session().',
        ),
      );
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
