/**
 * The gate for user SQL: exactly one read-only statement, decided by DuckDB's own parser and
 * binder, never by regexes or keyword lists.
 *
 * 1. `extractStatements` counts the statements.
 * 2. `json_serialize_sql` gives the parse tree (it only serializes SELECTs, so anything else is
 *    refused here, before it is even prepared); every function in it is checked against what
 *    DuckDB itself marks `has_side_effects`, every table function against an allowlist.
 * 3. The prepared statement's type must be SELECT (defence in depth).
 * Files outside the imports folder are refused by DuckDB's `allowed_directories` at bind time.
 */
import {
  StatementType,
  type DuckDBConnection,
  type DuckDBExtractedStatements,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import {
  parseSerialized,
  relationText,
  selectFacts,
  type FunctionCall,
  type SelectFacts,
} from './ast.ts';
import { QueryRefusedError } from './errors.ts';

/**
 * Table functions a cell may call: readers of files (DuckDB confines them to the imports folder)
 * and pure generators. Not here, among others: `query`/`query_table` (they run SQL text),
 * `checkpoint`, `read_duckdb`, the `duckdb_*` and `pragma_*` introspection functions
 * (information_schema is there for browsing).
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'read_csv',
  'read_csv_auto',
  'sniff_csv',
  'read_parquet',
  'parquet_scan',
  'parquet_schema',
  'parquet_metadata',
  'parquet_file_metadata',
  'parquet_kv_metadata',
  'read_json',
  'read_json_auto',
  'read_json_objects',
  'read_json_objects_auto',
  'read_ndjson',
  'read_ndjson_auto',
  'read_ndjson_objects',
  'read_text',
  'read_blob',
  'glob',
  'range',
  'generate_series',
  'unnest',
  'repeat',
  'json_each',
  'json_tree',
]);

export interface CheckedStatement {
  /** Named parameters, without `$`. */
  parameters: string[];
  /** Tables and views read, as written (`raw.campaigns`), CTE names left out. */
  tablesRead: string[];
}

export interface PreparedStatement extends CheckedStatement {
  /** Prepared (so bound: files are opened, names resolved), not yet run. The caller destroys it. */
  prepared: DuckDBPreparedStatement;
}

const EFFECTS: Partial<Record<StatementType, string>> = {
  [StatementType.INSERT]: 'changes data',
  [StatementType.UPDATE]: 'changes data',
  [StatementType.DELETE]: 'changes data',
  [StatementType.MERGE_INTO]: 'changes data',
  [StatementType.CREATE]: 'changes the schema',
  [StatementType.CREATE_FUNC]: 'changes the schema',
  [StatementType.DROP]: 'changes the schema',
  [StatementType.ALTER]: 'changes the schema',
  [StatementType.COPY]: 'copies data to or from files',
  [StatementType.COPY_DATABASE]: 'copies a database',
  [StatementType.EXPORT]: 'writes the database to files',
  [StatementType.ATTACH]: 'attaches another database',
  [StatementType.DETACH]: 'detaches a database',
  [StatementType.SET]: 'changes a setting',
  [StatementType.VARIABLE_SET]: 'changes a setting',
  [StatementType.LOAD]: 'installs or loads an extension',
  [StatementType.EXTENSION]: 'installs or loads an extension',
  [StatementType.UPDATE_EXTENSIONS]: 'updates extensions',
  [StatementType.CALL]: 'calls a procedure',
  [StatementType.TRANSACTION]: 'controls transactions',
  [StatementType.PRAGMA]: 'runs a pragma',
  [StatementType.VACUUM]: 'maintains the database',
  [StatementType.ANALYZE]: 'maintains the database',
  [StatementType.EXPLAIN]: 'explains a plan',
  [StatementType.PREPARE]: 'prepares a statement',
  [StatementType.EXECUTE]: 'executes a prepared statement',
};

/** Checks user SQL; refusals are QueryRefusedErrors, DuckDB's own errors are left to the caller. */
export class SqlGuard {
  private constructor(private readonly sideEffectFunctions: ReadonlySet<string>) {}

  /** Reads, once, the functions DuckDB marks as having side effects (nextval, setseed, ...). */
  static async load(connection: DuckDBConnection): Promise<SqlGuard> {
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE has_side_effects`,
    );
    return new SqlGuard(new Set(reader.getRows().map(([name]) => String(name))));
  }

  /** Parse-level checks only (nothing is bound, so names need not exist yet). */
  async check(connection: DuckDBConnection, sql: string): Promise<CheckedStatement> {
    const { facts } = await this.#checkParsed(connection, sql);
    return { parameters: facts.parameters, tablesRead: facts.relations.map(relationText) };
  }

  /** All checks, then prepares the statement (binding may refuse a file outside imports/). */
  async prepare(connection: DuckDBConnection, sql: string): Promise<PreparedStatement> {
    const { facts, extracted } = await this.#checkParsed(connection, sql);
    const prepared = await extracted.prepare(0);
    if (prepared.statementType !== StatementType.SELECT) {
      const type = prepared.statementType;
      prepared.destroySync();
      throw refusedStatement(type);
    }
    return {
      prepared,
      parameters: facts.parameters,
      tablesRead: facts.relations.map(relationText),
    };
  }

  async #checkParsed(
    connection: DuckDBConnection,
    sql: string,
  ): Promise<{ facts: SelectFacts; extracted: DuckDBExtractedStatements }> {
    const extracted = await connection.extractStatements(sql);
    if (extracted.count === 0)
      throw new QueryRefusedError(
        'This cell has no SQL statement.',
        'Write one SELECT (or FROM ...) query.',
      );
    if (extracted.count > 1) {
      throw new QueryRefusedError(
        `Only one read-only statement is allowed per cell; this cell has ${extracted.count}.`,
        `Split it into ${extracted.count} cells. (A PIVOT without an IN list also counts as two: list its values with ON column IN (...).)`,
      );
    }
    const tree = await serialize(connection, sql);
    if ('error' in tree || tree.statements.length !== 1)
      throw await refusedUnserializable(extracted);

    const facts = selectFacts(tree.statements);
    for (const call of facts.functions) {
      if (this.sideEffectFunctions.has(call.name.toLowerCase())) {
        throw new QueryRefusedError(
          `Cells may not call ${call.name}(): it changes database state or gives a different answer on each run.`,
          'Remove it. Results are cached by content, so a cell must give the same answer for the same data.',
        );
      }
    }
    for (const call of facts.tableFunctions) {
      if (
        !ALLOWED_TABLE_FUNCTIONS.has(call.name.toLowerCase()) &&
        !(await isTableMacro(connection, call))
      ) {
        throw new QueryRefusedError(
          `The table function ${call.name}() is not available in cells.`,
          'Read tables, views and other cells by name, and files in the imports folder with read_csv, read_parquet or read_json.',
        );
      }
    }
    return { facts, extracted };
  }
}

/** Not a SELECT (json_serialize_sql serializes only those): prepare it, binding only, to name it. */
async function refusedUnserializable(
  extracted: DuckDBExtractedStatements,
): Promise<QueryRefusedError> {
  let type: StatementType;
  try {
    const prepared = await extracted.prepare(0);
    type = prepared.statementType;
    prepared.destroySync();
  } catch (error) {
    return new QueryRefusedError(
      'Cells may only read data, and this statement is not a query.',
      READ_ONLY_HINT,
      { cause: error },
    );
  }
  return refusedStatement(type);
}

async function serialize(
  connection: DuckDBConnection,
  sql: string,
): Promise<ReturnType<typeof parseSerialized>> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR)', {
    sql,
  });
  return parseSerialized(String(reader.getRows()[0]?.[0]));
}

function refusedStatement(type: StatementType): QueryRefusedError {
  const name =
    type === StatementType.LOAD
      ? 'INSTALL/LOAD'
      : (StatementType[type] ?? 'this').replaceAll('_', ' ');
  const effect = EFFECTS[type];
  if (type === StatementType.SELECT) {
    return new QueryRefusedError(
      'This form of query cannot be checked (a PIVOT or PRAGMA statement, for instance), so it is not allowed in cells.',
      'Write it as a plain SELECT, e.g. SELECT * FROM (PIVOT t ON col USING sum(x)), or read information_schema.',
    );
  }
  if (type === StatementType.SET || type === StatementType.VARIABLE_SET) {
    return new QueryRefusedError(
      'Settings are fixed for the workspace: cells cannot SET or RESET them.',
      'Remove the statement; the workspace owner configures limits.',
    );
  }
  return new QueryRefusedError(
    `Cells may only read data, and this ${name} statement ${effect ?? 'is not a query'}.`,
    READ_ONLY_HINT,
  );
}

const READ_ONLY_HINT =
  'Write a single SELECT (or FROM ...) query. Data comes in through connections and the imports folder, not from cells.';

async function isTableMacro(connection: DuckDBConnection, call: FunctionCall): Promise<boolean> {
  // Table macros are created by trusted code (the model's KPI macros); user SQL cannot create any.
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal AND lower(function_name) = lower($name)`,
    { name: call.name },
  );
  return Number(reader.getRows()[0]?.[0]) > 0;
}
