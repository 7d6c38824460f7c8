/**
 * The workspace warehouse: one hardened DuckDB with a small connection pool. USER SQL (cells,
 * AI-drafted SQL) goes through `query`/`inspect`/`materialize` and is checked; TRUSTED SQL
 * (model DDL, metadata) goes through `execute` and is not.
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import { SqlGuard } from './guard.ts';
import type { BatchSource } from './ingest.ts';
import { openHardened, resolveOptions } from './open.ts';
import {
  bumpTableVersion,
  executeTrusted,
  ingestBatches,
  inspectUserSql,
  queryTrusted,
  queryUserSql,
  readTable,
  type EngineContext,
  type ReadTableOptions,
} from './operations.ts';
import { ConnectionPool } from './pool.ts';
import { WarehouseSession } from './session.ts';
import type { QueryOptions, QueryResult, SqlParams, WarehouseOptions } from './types.ts';
import { combinedVersion } from './versions.ts';

export class Warehouse {
  #closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly pool: ConnectionPool,
    private readonly context: EngineContext,
  ) {}

  /**
   * Opens (creating if needed) the workspace database, hardened before it is returned.
   *
   * @example const warehouse = await Warehouse.open({ path: 'workspace/baton.duckdb', importsDir: 'workspace/imports' });
   */
  static async open(options: WarehouseOptions): Promise<Warehouse> {
    const resolved = resolveOptions(options);
    const { instance, connection } = await openHardened(resolved);
    try {
      const guard = await SqlGuard.load(connection);
      return new Warehouse(
        instance,
        new ConnectionPool(instance, connection, resolved.connections),
        { options: resolved, guard },
      );
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /** The options in effect, defaults filled in. */
  get options(): EngineContext['options'] {
    return this.context.options;
  }

  /**
   * Runs USER SQL: exactly one read-only statement, `$name` parameters bound from
   * `options.params`, interrupted after the time limit, at most `rowCap` rows returned (with the
   * true `totalRows`).
   *
   * @example await warehouse.query('from spend where date >= $start', { params: { start: '2026-01-01' } })
   */
  query(sql: string, options?: QueryOptions): Promise<QueryResult> {
    return this.pool.use((connection) => queryUserSql(this.context, connection, sql, options));
  }

  /** Parses USER SQL without running it (refused like `query`): the relations it reads and its parameters. */
  inspect(sql: string): Promise<{ tablesRead: string[]; parameters: string[] }> {
    return this.pool.use((connection) => inspectUserSql(this.context, connection, sql));
  }

  /** Pins a connection (for one notebook run); call `release()` when done. */
  async session(): Promise<WarehouseSession> {
    return new WarehouseSession(this.context, await this.pool.acquire(), this.pool);
  }

  /**
   * A page of a TRUSTED table (e.g. a cached cell result), optionally ordered by TRUSTED SQL,
   * with the table's full row count.
   *
   * @example await warehouse.read('baton_cells."c_ab12"', { offset: 500, rowCap: 500, orderBy: '"spend" DESC' })
   */
  read(table: string, options?: ReadTableOptions): Promise<QueryResult> {
    return this.pool.use((connection) => readTable(this.context, connection, table, options));
  }

  /**
   * A capped read of TRUSTED SQL, e.g. catalog functions user SQL may not call; never user text.
   *
   * @example await warehouse.queryTrusted("select function_name from duckdb_functions() where function_type = 'macro'")
   */
  queryTrusted(
    sql: string,
    options?: { params?: SqlParams; rowCap?: number },
  ): Promise<QueryResult> {
    return this.pool.use((connection) => queryTrusted(this.context, connection, sql, options));
  }

  /** TRUSTED internal SQL only (model DDL, metadata); never user text. */
  execute(sql: string, params?: SqlParams): Promise<void> {
    return this.pool.use((connection) => executeTrusted(connection, sql, params));
  }

  /**
   * Appends batches to an existing table through DuckDB's appender, all or nothing, and bumps the
   * table's data version. Columns a batch leaves out are NULL.
   */
  ingest(table: string, batches: BatchSource): Promise<{ rows: number }> {
    return this.pool.use((connection) =>
      ingestBatches(connection, table, batches, { ownTransaction: true }),
    );
  }

  /** One string that changes whenever the data behind these tables or views changes (views resolved recursively). */
  dataVersion(tables: string[]): Promise<string> {
    return this.pool.use((connection) => combinedVersion(connection, tables));
  }

  /** Marks a table as changed (after writing it with `execute`). */
  bumpDataVersion(table: string): Promise<void> {
    return this.pool.use((connection) => bumpTableVersion(connection, table));
  }

  /** Stops running queries and closes every connection and the database. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.close();
    this.instance.closeSync();
  }
}
