/**
 * The host side of the `files` capability of a connector context (`ImportFiles` in the spec): the
 * workspace's `imports/` folder read by DuckDB (`read_csv`, `read_parquet`, `read_json_auto`), so
 * plugins get DuckDB's type inference and never touch DuckDB themselves.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { SqlValue } from '../engine/types.ts';
import { ConfigError } from '../spec/errors.ts';
import type { ImportFile, ImportFileData, ImportFiles, Row } from '../spec/index.ts';

/** What reading needs of a warehouse: the engine's `Warehouse` satisfies it. */
export interface ImportWarehouse {
  query(
    sql: string,
    options?: { rowCap?: number; params?: Record<string, SqlValue> },
  ): Promise<{
    columns: { name: string; type: string }[];
    data: SqlValue[][];
    rowCount: number;
  }>;
}

const FORMATS: Record<string, ImportFile['format']> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.parquet': 'parquet',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
};

/** Rows per batch read from a file. */
const BATCH_ROWS = 20_000;

/** The `files` capability over one workspace's `imports/` folder. */
export function createImportFiles(warehouse: ImportWarehouse, importsDir: string): ImportFiles {
  const root = resolve(importsDir);
  return {
    async list() {
      const files: ImportFile[] = [];
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        const format = FORMATS[extname(entry.name).toLowerCase()];
        if (!format) continue;
        const absolute = join(entry.parentPath, entry.name);
        const info = await stat(absolute);
        files.push({
          path: relative(root, absolute).split(sep).join('/'),
          format,
          bytes: info.size,
          modifiedAt: info.mtime,
        });
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    read(path) {
      const absolute = resolve(root, path);
      if (!absolute.startsWith(root + sep)) {
        return Promise.reject(
          new ConfigError(`"${path}" is not inside imports/.`, 'Put the file in imports/.'),
        );
      }
      return readImportFile(warehouse, absolute, path);
    },
  };
}

/**
 * Reads one file with DuckDB: the inferred columns, then the rows in batches (nested values as
 * JSON text). The path must sit in the warehouse's imports directory (DuckDB refuses others).
 *
 * @example const { columns, batches } = await readImportFile(warehouse, '/ws/imports/spend.csv')
 */
export async function readImportFile(
  warehouse: ImportWarehouse,
  path: string,
  displayName = path,
): Promise<ImportFileData> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    throw new ConfigError(
      `${displayName}: Baton reads .csv, .tsv, .parquet, .json, .jsonl and .ndjson files.`,
      'Export the file as CSV or Parquet.',
    );
  }
  const literal = `'${path.replaceAll("'", "''")}'`;
  const reader =
    format === 'csv'
      ? `read_csv(${literal})`
      : format === 'parquet'
        ? `read_parquet(${literal})`
        : `read_json_auto(${literal})`;
  let described;
  try {
    described = await warehouse.query(`select * from ${reader} limit 0`);
  } catch (error) {
    throw new ConfigError(
      `${displayName}: DuckDB could not read it: ${(error as Error).message}`,
      'Check that the file is well formed (one header row, one delimiter, UTF-8).',
      { cause: error },
    );
  }
  const nested = (type: string): boolean => /[[\]]|^STRUCT|^MAP|^UNION/i.test(type);
  const columns = described.columns.map((column) => ({
    name: column.name,
    type: nested(column.type) ? 'JSON' : column.type,
  }));
  const select = described.columns
    .map((column) => {
      const quoted = `"${column.name.replaceAll('"', '""')}"`;
      return nested(column.type) ? `to_json(${quoted})::VARCHAR as ${quoted}` : quoted;
    })
    .join(', ');
  async function* batches(): AsyncGenerator<Row[]> {
    for (let offset = 0; ; offset += BATCH_ROWS) {
      // DuckDB keeps insertion order, so pages of one file are stable.
      const page = await warehouse.query(
        `select ${select || '*'} from ${reader} limit ${BATCH_ROWS} offset ${offset}`,
        { rowCap: BATCH_ROWS },
      );
      const rows: Row[] = [];
      for (let index = 0; index < page.rowCount; index++) {
        const row: Row = {};
        columns.forEach((column, position) => {
          const value = page.data[position]?.[index] ?? null;
          row[column.name] = Array.isArray(value) ? JSON.stringify(value) : value;
        });
        rows.push(row);
      }
      if (rows.length > 0) yield rows;
      if (page.rowCount < BATCH_ROWS) return;
    }
  }
  return { columns, batches: batches() };
}
