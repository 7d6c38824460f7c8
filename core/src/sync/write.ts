/**
 * Landing a stream's rows in `raw_<plugin>.<stream>`: batches go through the appender into an
 * in-memory staging table, then one transaction applies the stream's write mode to the rows of
 * this connection (`_baton_connection`): replace the window, merge by primary key, append (rows
 * whose key is already there are skipped, so a resumed read adds no duplicates), or replace all.
 * The table's data version is bumped after the commit.
 */
import { randomUUID } from 'node:crypto';
import {
  CELLS_CATALOG,
  quoteIdentifier as quote,
  type Warehouse,
  type WarehouseSession,
} from '../engine/index.ts';
import type { BatchSource } from '../engine/index.ts';
import { BugError, type StreamDefinition } from '../spec/index.ts';
import type { SyncWindow } from './types.ts';

/** The column every raw table gets: which connection wrote the row. */
export const CONNECTION_COLUMN = '_baton_connection';
const STAGE_SCHEMA = '_sync';

/** `raw_<plugin id, dashes as underscores>`. */
export function rawSchema(pluginId: string): string {
  return `raw_${pluginId.replaceAll('-', '_')}`;
}

/** Creates the raw schema and table on first use, and adds columns a stream has gained. */
export async function ensureRawTable(
  warehouse: Warehouse,
  schema: string,
  stream: StreamDefinition,
): Promise<string> {
  const table = `${quote(schema)}.${quote(stream.name)}`;
  const columns = stream.columns.map(
    (column) =>
      `${quote(column.name)} ${column.type}${column.nullable === false ? ' NOT NULL' : ''}`,
  );
  await warehouse.execute(
    `CREATE SCHEMA IF NOT EXISTS ${quote(schema)};
     CREATE TABLE IF NOT EXISTS ${table} (${[...columns, `${quote(CONNECTION_COLUMN)} VARCHAR`].join(', ')})`,
  );
  const existing = await warehouse.query(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = $schema AND table_name = $name`,
    { params: { schema, name: stream.name }, rowCap: 100_000 },
  );
  const [names = [], types = []] = existing.data;
  const have = new Map(names.map((name, row) => [String(name).toLowerCase(), String(types[row])]));
  // A table made before the host wrote it (the demo generator's) gains the connection column too.
  const wanted = [...stream.columns, { name: CONNECTION_COLUMN, type: 'VARCHAR' }];
  for (const column of wanted) {
    const current = have.get(column.name.toLowerCase());
    if (current === undefined) {
      await warehouse.execute(
        `ALTER TABLE ${table} ADD COLUMN ${quote(column.name)} ${column.type}`,
      );
      continue;
    }
    // A stream whose column widened (BIGINT to DOUBLE in a later file) must not be stored in the
    // old type, which would truncate 90.5 to 90: convert the column, or fail saying why.
    const declared = await canonicalType(warehouse, column.type);
    if (declared !== current) {
      await warehouse.execute(
        `ALTER TABLE ${table} ALTER COLUMN ${quote(column.name)} SET DATA TYPE ${declared}`,
      );
    }
  }
  return table;
}

/** DuckDB's own name of a declared type (`INT` is `INTEGER`, `TEXT` is `VARCHAR`). */
async function canonicalType(warehouse: Warehouse, type: string): Promise<string> {
  const { data } = await warehouse.query(`SELECT typeof(CAST(NULL AS ${type}))`);
  return String(data[0]?.[0]);
}

/** Stages a stream's batches and commits them to its raw table, one transaction per commit. */
export class StreamWriter {
  #committed = false;

  private constructor(
    private readonly warehouse: Warehouse,
    private readonly session: WarehouseSession,
    private readonly table: string,
    private readonly stage: string,
    private readonly stream: StreamDefinition,
    private readonly connection: string,
  ) {}

  static async open(
    warehouse: Warehouse,
    table: string,
    stream: StreamDefinition,
    connection: string,
  ): Promise<StreamWriter> {
    const session = await warehouse.session();
    const stage = `${quote(CELLS_CATALOG)}.${quote(STAGE_SCHEMA)}.${quote(`s_${randomUUID().replaceAll('-', '')}`)}`;
    try {
      const columns = stream.columns.map((column) => quote(column.name)).join(', ');
      await session.execute(
        `CREATE SCHEMA IF NOT EXISTS ${quote(CELLS_CATALOG)}.${quote(STAGE_SCHEMA)};
         CREATE TABLE ${stage} AS SELECT ${columns} FROM ${table} LIMIT 0`,
      );
    } catch (error) {
      session.release();
      throw error;
    }
    return new StreamWriter(warehouse, session, table, stage, stream, connection);
  }

  /** Appends batches to the staging table (nothing reaches the raw table yet). */
  async append(batches: BatchSource): Promise<number> {
    return (await this.session.ingest(this.stage, batches)).rows;
  }

  /**
   * Applies the staged rows in one transaction, then empties the stage. `window` bounds a
   * `replace-window` delete (done at the first commit of a writer only).
   */
  async commit(window?: SyncWindow): Promise<void> {
    const params = { connection: this.connection };
    const statements: Array<[string, Record<string, string>?]> = [];
    const mine = `${quote(CONNECTION_COLUMN)} = $connection`;
    const mode = this.stream.writeMode;
    if (mode === 'replace-window') {
      const field = quote(this.stream.cursor!.field);
      if (!window) throw new BugError(`Stream ${this.stream.name} was written without a window.`);
      await this.#checkWindow(field, window);
      if (!this.#committed)
        statements.push([
          `DELETE FROM ${this.table} WHERE ${mine} AND ${field} BETWEEN $start AND $end`,
          { ...params, ...window },
        ]);
    } else if (mode === 'replace' && !this.#committed) {
      statements.push([`DELETE FROM ${this.table} WHERE ${mine}`, params]);
    } else if (mode === 'merge') {
      statements.push([
        `DELETE FROM ${this.table} AS t USING ${this.stage} AS s WHERE t.${mine} AND ${this.#keyMatch()}`,
        params,
      ]);
    }
    const skipKnown =
      mode === 'append' && this.stream.primaryKey.length > 0
        ? ` AS s WHERE NOT EXISTS (SELECT 1 FROM ${this.table} AS t WHERE t.${mine} AND ${this.#keyMatch()})`
        : '';
    statements.push([
      `INSERT INTO ${this.table} BY NAME SELECT *, $connection AS ${quote(CONNECTION_COLUMN)} FROM ${this.stage}${skipKnown}`,
      params,
    ]);
    await this.session.execute('BEGIN TRANSACTION');
    try {
      for (const [sql, values] of statements) await this.session.execute(sql, values);
      await this.session.execute('COMMIT');
    } catch (error) {
      await this.session.execute('ROLLBACK').catch(() => {}); // `error` says why
      throw error;
    }
    this.#committed = true;
    await this.session.execute(`DELETE FROM ${this.stage}`);
    await this.warehouse.bumpDataVersion(this.table);
  }

  /** Drops the staging table and gives the connection back. */
  async close(): Promise<void> {
    try {
      await this.session.execute(`DROP TABLE IF EXISTS ${this.stage}`);
      // The stage's ingests left a data version behind; it names nothing that lasts.
      await this.session.execute(
        'DELETE FROM _baton.table_versions WHERE starts_with(table_name, $prefix)',
        {
          prefix: `${CELLS_CATALOG}.${STAGE_SCHEMA}.`,
        },
      );
    } finally {
      this.session.release();
    }
  }

  #keyMatch(): string {
    return this.stream.primaryKey
      .map((key) => `t.${quote(key)} IS NOT DISTINCT FROM s.${quote(key)}`)
      .join(' AND ');
  }

  /** A row outside the window would survive the next window's delete: a connector bug. */
  async #checkWindow(field: string, window: SyncWindow): Promise<void> {
    const result = await this.session.query(
      `SELECT count(*), min(${field})::VARCHAR, max(${field})::VARCHAR FROM ${this.stage}
       WHERE ${field} IS NULL OR ${field} NOT BETWEEN $start AND $end`,
      { params: window },
    );
    const outside = Number(result.data[0]?.[0] ?? 0);
    if (outside > 0) {
      throw new BugError(
        `Stream ${this.stream.name} yielded ${outside} rows whose ${this.stream.cursor!.field} is outside the requested window ${window.start} to ${window.end} (or NULL).`,
      );
    }
  }
}
