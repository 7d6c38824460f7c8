/**
 * The files connector: CSV, Parquet and JSON files dropped in the workspace's `imports/` folder,
 * each landing in `raw_files.<table>`.
 *
 * Reading: the plugin never touches DuckDB. The host reads each file with DuckDB (`read_csv`,
 * `read_parquet`, `read_json_auto`) through the context's `files` capability, so the column
 * types are DuckDB's own inference; the plugin groups files into tables, merges their columns
 * and yields the rows.
 *
 * Tables: a file directly in `imports/` is the table named after it (`spend 2026.csv` ->
 * `spend_2026`); every file of a subfolder is one table named after the folder
 * (`imports/meta_export/2026-01.csv`, `.../2026-02.csv` -> `meta_export`), so monthly exports
 * accumulate; `tables` in the config maps a file to a table by its path. A column that first
 * appears in a later file (by path order) is added; a column whose type differs between files
 * (other than integers and decimals, which widen to DOUBLE) is an error naming the file, the
 * column and both types. A table named like a model stream (`campaign_daily`, `ad_daily`...)
 * takes the model's columns and types, so its rows appear in the model views.
 */
import {
  ConfigError,
  MODEL_STREAM_COLUMNS,
  MODEL_STREAM_PRIMARY_KEYS,
  defineConnector,
  type ColumnDefinition,
  type ConnectorContext,
  type ImportFile,
  type ImportFiles,
  type ModelStreamName,
  type Row,
  type StreamDefinition,
  z,
} from '@baton/core/spec';

const tableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a table name is snake_case: lowercase letters, digits and _');

const config = z.object({
  tables: z.record(z.string(), tableName).default({}).meta({
    label: 'Table names',
    description:
      'A file path inside imports/ mapped to the table it lands in, e.g. {"exports/q1.csv": "campaign_daily"}.',
  }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    .default('EUR')
    .meta({
      label: 'Currency',
      description: 'The currency of money columns of model tables whose file has no currency.',
    }),
});

export type FilesConfig = z.output<typeof config>;
type FilesContext = ConnectorContext<FilesConfig>;

const isModelStream = (name: string): name is ModelStreamName =>
  Object.hasOwn(MODEL_STREAM_COLUMNS, name);

function snakeCase(text: string, prefix: string): string {
  const name = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name : `${prefix}_${name || 'unnamed'}`;
}

/** `imports/Spend 2026.csv` -> `spend_2026`; `imports/meta/2026-01.csv` -> `meta`. */
export function tableNameFor(path: string, tables: Record<string, string>): string {
  const mapped = tables[path];
  if (mapped) return mapped;
  const parts = path.split('/');
  return snakeCase(parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.[^.]*$/, ''), 't');
}

/**
 * A file's headers as column names: snake_case (`Amount Spent (EUR)` -> `amount_spent_eur`),
 * a repeat suffixed (`cost`, `cost_2`). Maps each column name to its header.
 */
export function columnNamesFor(headers: string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const header of headers) {
    const base = snakeCase(header, 'c');
    let name = base;
    for (let suffix = 2; names.has(name); suffix++) name = `${base}_${suffix}`;
    names.set(name, header);
  }
  return names;
}

interface TablePlan {
  stream: StreamDefinition;
  files: ImportFile[];
  /** Why this table cannot be read now (a type conflict, an unreadable file): read throws it. */
  problem?: ConfigError;
}

interface Plan {
  tables: TablePlan[];
  /** Problems of the connection's settings (a mapped file that is not there). */
  problems: ConfigError[];
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
const NUMERIC = /^(FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;

/** The type two files' columns share, or undefined when they conflict. */
function commonType(first: string, second: string): string | undefined {
  if (first === second) return first;
  const integer = (type: string) => INTEGER.test(type);
  const number = (type: string) => integer(type) || NUMERIC.test(type);
  if (integer(first) && integer(second)) return 'BIGINT';
  if (number(first) && number(second)) return 'DOUBLE';
  if (/^(DATE|TIMESTAMP)$/.test(first) && /^(DATE|TIMESTAMP)$/.test(second)) return 'TIMESTAMP';
  return undefined;
}

function filesOf(context: FilesContext): ImportFiles {
  if (!context.files) {
    throw new ConfigError(
      'This Baton host does not give connectors access to the imports/ folder.',
      'Run the files connector from `baton sync` or the workbench.',
    );
  }
  return context.files;
}

/**
 * Groups the files into tables and merges each table's columns (in path order). A table's
 * problem stays with that table, so the others still sync.
 */
async function planTables(context: FilesContext): Promise<Plan> {
  const files = filesOf(context);
  const listed = await files.list();
  const known = new Set(listed.map((file) => file.path));
  const problems: ConfigError[] = [];
  for (const path of Object.keys(context.config.tables)) {
    if (!known.has(path)) {
      problems.push(
        new ConfigError(
          `The table names map "${path}", which is not a readable file in imports/.`,
          `Put the file in imports/ or remove "${path}" from the table names.`,
        ),
      );
    }
  }
  const groups = new Map<string, ImportFile[]>();
  for (const file of listed) {
    const table = tableNameFor(file.path, context.config.tables);
    groups.set(table, [...(groups.get(table) ?? []), file]);
  }
  const tables: TablePlan[] = [];
  for (const [name, tableFiles] of groups) {
    const columns = new Map<string, { type: string; file: string }>();
    let problem: ConfigError | undefined;
    try {
      for (const file of tableFiles) {
        context.signal.throwIfAborted();
        const { columns: fileColumns } = await files.read(file.path);
        const types = new Map(fileColumns.map((column) => [column.name, column.type]));
        for (const [column, header] of columnNamesFor([...types.keys()])) {
          const fileType = types.get(header)!;
          const seen = columns.get(column);
          if (!seen) {
            columns.set(column, { type: fileType, file: file.path });
            continue;
          }
          const type = commonType(seen.type, fileType);
          if (!type) {
            throw new ConfigError(
              `imports/${file.path}: column "${header}" is ${fileType}, but ${seen.type} in imports/${seen.file} (table ${name}).`,
              `Make "${header}" hold the same kind of values in every file of ${name}, or map imports/${file.path} to its own table in the table names.`,
            );
          }
          // The error names the file the type came from.
          if (type !== seen.type && type === fileType) seen.file = file.path;
          seen.type = type;
        }
      }
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problem = error;
    }
    // A table whose first file cannot be read has no columns to declare: check reports it.
    if (columns.size === 0 && !isModelStream(name)) {
      if (problem) problems.push(problem);
      continue;
    }
    tables.push({
      stream: streamFor(name, columns),
      files: tableFiles,
      ...(problem ? { problem } : {}),
    });
  }
  return { tables, problems };
}

function streamFor(name: string, columns: Map<string, { type: string }>): StreamDefinition {
  if (isModelStream(name)) {
    return {
      name,
      description: `The model's ${name}, from files in imports/.`,
      columns: MODEL_STREAM_COLUMNS[name].map(({ name: column, type }) => ({ name: column, type })),
      primaryKey: [...MODEL_STREAM_PRIMARY_KEYS[name]],
      writeMode: 'replace',
    };
  }
  return {
    name,
    description: `Files in imports/ landing in ${name}.`,
    columns: [...columns].map(([column, { type }]) => ({ name: column, type })),
    primaryKey: [],
    // A file is the whole truth of its table: re-read whole every sync.
    writeMode: 'replace',
  };
}

/** Turns a value DuckDB read into the JS form of the declared column type. */
function coerce(value: Row[string] | undefined, column: ColumnDefinition): Row[string] {
  if (value === undefined || value === null || value === '') return null;
  const type = column.type;
  if (type === 'VARCHAR') {
    if (value instanceof Date) return value.toISOString();
    return String(value);
  }
  if (type === 'DATE') {
    const text = value instanceof Date ? value.toISOString() : String(value);
    return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : invalid(value, column);
  }
  if (INTEGER.test(type)) {
    if (typeof value === 'bigint') return value;
    const number = Number(value);
    return Number.isInteger(number) ? number : invalid(value, column);
  }
  if (NUMERIC.test(type)) {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : invalid(value, column);
  }
  return value;
}

function invalid(value: Row[string], column: ColumnDefinition): never {
  throw new ConfigError(
    `Column "${column.name}" must be ${column.type}, but holds ${JSON.stringify(String(value))}.`,
    'Fix the value in the file, or give the table another name so its types are inferred.',
  );
}

const BATCH_ROWS = 5_000;

export default defineConnector({
  specificationVersion: 'v1',
  id: 'files',
  name: 'Files (CSV, Parquet, JSON)',
  version: '0.1.0',
  docsUrl: 'docs/marketing-model.md#as-implemented',
  config,
  async check(context) {
    try {
      if (!context.files) {
        return {
          ok: false,
          kind: 'config',
          reason: 'This Baton host does not give connectors access to the imports/ folder.',
          hint: 'Run the files connector from `baton sync` or the workbench.',
        };
      }
      const { tables: plans, problems } = await planTables(context);
      const problem = problems[0] ?? plans.find((plan) => plan.problem)?.problem;
      if (problem) {
        return {
          ok: false,
          kind: 'config',
          reason: problem.message,
          hint: problem.hint ?? 'Check the files in imports/.',
        };
      }
      if (plans.length === 0) {
        return {
          ok: false,
          kind: 'config',
          reason: 'There are no CSV, Parquet or JSON files in imports/.',
          hint: 'Put your exports in the workspace imports/ folder, then sync again.',
        };
      }
      const tables = plans.map((plan) => plan.stream.name).join(', ');
      return { ok: true, message: `${plans.length} table(s) from imports/: ${tables}.` };
    } catch (error) {
      const known = error instanceof ConfigError;
      return {
        ok: false,
        kind: 'config',
        reason: (error as Error).message,
        hint: (known ? error.hint : undefined) ?? 'Check the files in imports/.',
      };
    }
  },
  streams: [],
  async discover(context) {
    return (await planTables(context)).tables.map((plan) => plan.stream);
  },
  async *read(context, stream) {
    const plan = (await planTables(context)).tables.find(
      (candidate) => candidate.stream.name === stream.name,
    );
    if (!plan) {
      throw new ConfigError(
        `No file in imports/ lands in the table ${stream.name} any more.`,
        'Put the file back, or remove the table from the workspace.',
      );
    }
    if (plan.problem) throw plan.problem;
    const model = isModelStream(stream.name);
    const declared = new Set(stream.columns.map((column) => column.name));
    let done = 0;
    for (const file of plan.files) {
      const data = await filesOf(context).read(file.path);
      const headers = columnNamesFor(data.columns.map((column) => column.name));
      if (model) {
        const extra = [...headers].filter(([column]) => !declared.has(column));
        if (extra.length > 0) {
          yield {
            type: 'warning',
            message: `imports/${file.path}: ${extra.map(([, header]) => `"${header}"`).join(', ')} not in the model's ${stream.name}, left out.`,
          };
        }
      }
      for await (const batch of data.batches) {
        context.signal.throwIfAborted();
        for (let start = 0; start < batch.length; start += BATCH_ROWS) {
          const rows = batch.slice(start, start + BATCH_ROWS).map((source) => {
            const row: Row = {};
            for (const column of stream.columns) {
              try {
                const header = headers.get(column.name);
                row[column.name] = coerce(header === undefined ? null : source[header], column);
              } catch (error) {
                const message = `imports/${file.path}: ${(error as Error).message}`;
                throw new ConfigError(message, (error as ConfigError).hint, { cause: error });
              }
            }
            if (model && 'currency' in row && row.currency === null) {
              row.currency = context.config.currency;
            }
            return row;
          });
          yield { type: 'record-batch', rows };
          context.signal.throwIfAborted();
          done += rows.length;
          yield { type: 'progress', done, unit: 'rows' };
        }
      }
    }
  },
});
