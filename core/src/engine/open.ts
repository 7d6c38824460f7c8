/**
 * Opens the workspace DuckDB and hardens it before any user SQL can run. The order matters
 * (stack-notes.md): `allowed_directories` and `temp_directory` can only be set with SET, and
 * they must be set before `enable_external_access=false`, which must come before
 * `lock_configuration=true`; after that no SET is accepted, from anyone.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbMessage } from './failures.ts';
import { WarehouseOpenError } from './errors.ts';
import type { WarehouseOptions } from './types.ts';

/** Where the notebook runner keeps cell results: in memory, gone when the process ends. */
export const CELLS_CATALOG = 'baton_cells';
/** Where `ingest` stages rows in memory before moving them in one INSERT (see ingest.ts). */
export const STAGING = { catalog: CELLS_CATALOG, schema: '_ingest' } as const;

/** WarehouseOptions with every default filled in and every path absolute. */
export interface ResolvedOptions {
  path: string;
  importsDir: string;
  tempDir: string;
  memoryLimit: string;
  threads: number;
  queryTimeoutMs: number;
  rowCap: number;
  connections: number;
}

export function resolveOptions(options: WarehouseOptions): ResolvedOptions {
  const inMemory = options.path === ':memory:';
  const databasePath = inMemory ? options.path : path.resolve(options.path);
  const importsDir = path.resolve(options.importsDir);
  const besideDatabase = inMemory ? path.dirname(importsDir) : path.dirname(databasePath);
  return {
    path: databasePath,
    importsDir,
    tempDir: path.resolve(options.tempDir ?? path.join(besideDatabase, 'tmp')),
    memoryLimit: options.memoryLimit ?? '4GB',
    threads: options.threads ?? availableParallelism(),
    queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
    rowCap: options.rowCap ?? 10_000,
    connections: options.connections ?? 4,
  };
}

/** Creates the instance and runs the hardening on its first connection, which it returns. */
export async function openHardened(
  options: ResolvedOptions,
): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  if (options.path !== ':memory:' && isInside(options.path, options.importsDir)) {
    throw new WarehouseOpenError(
      `The workspace database ${options.path} is inside the imports folder, where cells could read its raw bytes.`,
      'Keep the database file outside the imports folder.',
    );
  }
  await mkdir(options.importsDir, { recursive: true });
  await mkdir(options.tempDir, { recursive: true });

  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.path, {
      memory_limit: options.memoryLimit,
      threads: String(options.threads),
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
    });
  } catch (error) {
    throw new WarehouseOpenError(
      `Could not open the workspace database ${options.path}: ${duckdbMessage(error)}`,
      'If another Baton process has this workspace open, stop it first: only one process may open a DuckDB file.',
      { cause: error },
    );
  }
  const connection = await instance.connect();
  try {
    for (const statement of hardeningStatements(options)) await connection.run(statement);
    await verifyHardened(connection);
    return { instance, connection };
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error instanceof WarehouseOpenError
      ? error
      : new WarehouseOpenError(
          `Could not harden the workspace database: ${duckdbMessage(error)}`,
          undefined,
          { cause: error },
        );
  }
}

/** The statements, in order. Values come from the server's configuration, never from users. */
export function hardeningStatements(options: ResolvedOptions): string[] {
  return [
    `ATTACH IF NOT EXISTS ':memory:' AS ${CELLS_CATALOG}`,
    `CREATE SCHEMA IF NOT EXISTS ${CELLS_CATALOG}.${STAGING.schema}`,
    'CREATE SCHEMA IF NOT EXISTS _baton',
    `CREATE TABLE IF NOT EXISTS _baton.table_versions (
      table_name VARCHAR PRIMARY KEY, -- versionKey(): schema.name in this database
      version VARCHAR NOT NULL,       -- a fresh UUID on every bump
      updated_at TIMESTAMPTZ NOT NULL)`,
    `SET temp_directory = ${literal(options.tempDir)}`,
    `SET allowed_directories = [${literal(options.importsDir + path.sep)}]`,
    `SET memory_limit = ${literal(options.memoryLimit)}`,
    `SET threads = ${Math.max(1, Math.floor(options.threads))}`,
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ];
}

async function verifyHardened(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT current_setting('enable_external_access'), current_setting('lock_configuration'), current_setting('autoload_known_extensions')`,
  );
  const [externalAccess, locked, autoload] = reader.getRows()[0] ?? [];
  if (externalAccess !== false || locked !== true || autoload !== false) {
    throw new WarehouseOpenError(
      'The workspace database did not keep its hardening settings; refusing to run user SQL on it.',
    );
  }
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
