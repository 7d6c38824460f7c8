/**
 * The operations `Warehouse` and `WarehouseSession` share, each on a given connection: user SQL
 * (checked, bound, time-limited, capped) and trusted SQL (run as given).
 */
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { QueryError } from './errors.ts';
import { CappedCollector, interruptible, readCapped } from './execute.ts';
import { duckdbMessage, userSqlError } from './failures.ts';
import type { SqlGuard } from './guard.ts';
import { appendBatches, ingestAtomically, type BatchSource } from './ingest.ts';
import { CatalogListing, quoteIdentifier, splitName, versionKey, type Relation } from './names.ts';
import type { ResolvedOptions } from './open.ts';
import { bindParams } from './params.ts';
import type { QueryOptions, QueryResult, SqlParams } from './types.ts';
import { bumpVersion } from './versions.ts';

/** What every operation needs besides its connection. */
export interface EngineContext {
  options: ResolvedOptions;
  guard: SqlGuard;
}

export async function queryUserSql(
  context: EngineContext,
  connection: DuckDBConnection,
  sql: string,
  options: QueryOptions = {},
): Promise<QueryResult> {
  const rowCap = options.rowCap ?? context.options.rowCap;
  return userWork(context, connection, options, async () => {
    const { prepared } = await context.guard.prepare(connection, sql);
    return withPrepared(prepared, async () => {
      bindParams(prepared, options.params);
      return readCapped(await prepared.stream(), rowCap);
    });
  });
}

export async function inspectUserSql(
  context: EngineContext,
  connection: DuckDBConnection,
  sql: string,
): Promise<{ tablesRead: string[]; parameters: string[] }> {
  return userWork(context, connection, {}, async () => {
    const { tablesRead, parameters } = await context.guard.check(connection, sql);
    return { tablesRead, parameters };
  });
}

/**
 * Runs checked user SQL and stores its full result in `table` (a trusted name, replaced if it
 * exists). The user's text is never spliced into other SQL: the table is created from the
 * prepared statement's column types and filled with the result's own chunks by an appender.
 */
export async function materializeUserSql(
  context: EngineContext,
  connection: DuckDBConnection,
  sql: string,
  table: string,
  options: QueryOptions = {},
): Promise<QueryResult> {
  const rowCap = options.rowCap ?? context.options.rowCap;
  return userWork(context, connection, options, async () => {
    const { prepared } = await context.guard.prepare(connection, sql);
    return withPrepared(prepared, async () => {
      bindParams(prepared, options.params);
      // Fully materialized first: a streaming result would be invalidated by the DDL below.
      const result = await prepared.run();
      const names = result.deduplicatedColumnNames();
      const types = result.columnTypes();
      await connection.run(
        `CREATE OR REPLACE TABLE ${table} (${names.map((name, index) => `${quoteIdentifier(name)} ${types[index]!.toString()}`).join(', ')})`,
      );
      const relation = await resolveTable(connection, table);
      const appender = await connection.createAppender(
        relation.name,
        relation.schema,
        relation.catalog,
      );
      // The first page leaves with the same pass, so no second query reads it back.
      const firstPage = new CappedCollector(result, rowCap);
      try {
        for (
          let chunk = await result.fetchChunk();
          chunk && chunk.rowCount > 0;
          chunk = await result.fetchChunk()
        ) {
          appender.appendDataChunk(chunk);
          firstPage.add(chunk);
        }
      } finally {
        appender.closeSync();
      }
      return firstPage.result();
    });
  });
}

/** How `readTable` pages: `orderBy` is TRUSTED SQL (quoted columns), e.g. `"spend" DESC`. */
export interface ReadTableOptions {
  rowCap?: number;
  offset?: number;
  orderBy?: string;
}

/** A capped, columnar read of a trusted table, with its full row count. */
export async function readTable(
  context: EngineContext,
  connection: DuckDBConnection,
  table: string,
  options: ReadTableOptions = {},
): Promise<QueryResult> {
  const rowCap = options.rowCap ?? context.options.rowCap;
  const offset = options.offset ?? 0;
  const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
  return trusted(async () => {
    const counted = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
    const totalRows = Number(counted.getRows()[0]?.[0] ?? 0);
    const prepared = await connection.prepare(
      `SELECT * FROM ${table}${order} LIMIT $limit OFFSET $offset`,
    );
    return withPrepared(prepared, async () => {
      bindParams(prepared, { limit: rowCap, offset });
      const page = await readCapped(await prepared.stream(), rowCap);
      return { ...page, totalRows, truncated: offset + page.rowCount < totalRows };
    });
  });
}

/** A capped read of TRUSTED SQL (catalog look-ups such as `duckdb_columns()`), never user text. */
export async function queryTrusted(
  context: EngineContext,
  connection: DuckDBConnection,
  sql: string,
  options: { params?: SqlParams; rowCap?: number } = {},
): Promise<QueryResult> {
  const rowCap = options.rowCap ?? context.options.rowCap;
  return trusted(async () => {
    const prepared = await connection.prepare(sql);
    return withPrepared(prepared, async () => {
      bindParams(prepared, options.params);
      return readCapped(await prepared.stream(), rowCap);
    });
  });
}

/** Trusted SQL (DDL, metadata). Several statements are allowed when there are no parameters. */
export async function executeTrusted(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
): Promise<void> {
  await trusted(async () => {
    if (!params || Object.keys(params).length === 0) {
      await connection.run(sql);
      return;
    }
    const prepared = await connection.prepare(sql);
    await withPrepared(prepared, async () => {
      bindParams(prepared, params);
      await prepared.run();
    });
  });
}

/**
 * Appends batches and bumps the table's data version. With `ownTransaction` both happen in one
 * transaction (all or nothing); without, the caller's transaction (or none) applies.
 */
export async function ingestBatches(
  connection: DuckDBConnection,
  table: string,
  batches: BatchSource,
  { ownTransaction }: { ownTransaction: boolean },
): Promise<{ rows: number }> {
  const listing = await CatalogListing.load(connection);
  const relation = await resolveTable(connection, table, listing);
  const bump = () => bumpVersion(connection, versionKey(relation, listing.defaultCatalog));
  if (ownTransaction) return { rows: await ingestAtomically(connection, relation, batches, bump) };
  const rows = await appendBatches(connection, relation, batches);
  await bump();
  return { rows };
}

export async function bumpTableVersion(connection: DuckDBConnection, table: string): Promise<void> {
  const listing = await CatalogListing.load(connection);
  await bumpVersion(
    connection,
    versionKey(await resolveTable(connection, table, listing), listing.defaultCatalog),
  );
}

/** Resolves a trusted table name to its catalog, schema and name (a view is not a table). */
export async function resolveTable(
  connection: DuckDBConnection,
  table: string,
  listing?: CatalogListing,
): Promise<Relation> {
  const relation = (listing ?? (await CatalogListing.load(connection))).resolve(splitName(table));
  if (!relation || relation.kind !== 'table') {
    throw new QueryError(
      `There is no table named ${table}.`,
      relation
        ? `${table} is a view; write to the table it reads.`
        : 'Create it first (the model creates raw tables).',
    );
  }
  return relation;
}

function userWork<T>(
  context: EngineContext,
  connection: DuckDBConnection,
  options: Pick<QueryOptions, 'timeoutMs' | 'signal'>,
  work: () => Promise<T>,
): Promise<T> {
  const limits = {
    timeoutMs: options.timeoutMs ?? context.options.queryTimeoutMs,
    signal: options.signal,
  };
  return interruptible(connection, limits, work, (error) =>
    userSqlError(error, context.options.importsDir),
  );
}

async function trusted<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryError) throw error;
    throw new QueryError(duckdbMessage(error), undefined, { cause: error });
  }
}

async function withPrepared<T>(
  prepared: DuckDBPreparedStatement,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } finally {
    prepared.destroySync();
  }
}
