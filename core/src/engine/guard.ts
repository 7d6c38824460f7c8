/**
 * The gate for user SQL: exactly one read-only statement, decided by DuckDB's own parser and
 * binder, never by regexes or keyword lists.
 *
 * 1. `json_serialize_sql` parses the text. It serializes SELECTs only, so any other statement
 *    is refused here, before DuckDB binds it: binding is not always harmless (binding
 *    `EXPORT DATABASE` creates its directory).
 * 2. `extractStatements` counts the statements.
 * 3. Every function in the tree is checked against what DuckDB itself marks `has_side_effects`,
 *    every table function against an allowlist.
 * 4. `prepare` (for running) binds the statement, whose type must be SELECT (defence in depth).
 *    Files outside the imports folder are refused by DuckDB's `allowed_directories` at bind.
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

/** Checks user SQL; refusals are QueryRefusedErrors, DuckDB's own errors are left to the caller. */
export class SqlGuard {
  /**
   * Texts that passed the parse-level checks, with what they read. The verdict depends on the
   * text alone (the function lists are fixed once loaded), so a notebook re-run, or a cell
   * inspected and then materialized, is parsed and walked once.
   */
  readonly #passed = new Map<string, SelectFacts>();

  private constructor(private readonly sideEffectFunctions: ReadonlySet<string>) {}

  /** Reads, once, the functions DuckDB marks as having side effects (nextval, setseed, ...). */
  static async load(connection: DuckDBConnection): Promise<SqlGuard> {
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE has_side_effects`,
    );
    return new SqlGuard(new Set(reader.getRows().map(([name]) => String(name))));
  }

  /** Parse-level checks only (nothing is bound, so the names read need not exist yet). */
  async check(connection: DuckDBConnection, sql: string): Promise<CheckedStatement> {
    const { facts } = await this.#checkParsed(connection, sql);
    return { parameters: facts.parameters, tablesRead: facts.relations.map(relationText) };
  }

  /** All checks, then prepares the statement for running. */
  async prepare(connection: DuckDBConnection, sql: string): Promise<PreparedStatement> {
    const { facts, extracted } = await this.#checkParsed(connection, sql);
    const prepared = await extracted.prepare(0);
    if (prepared.statementType !== StatementType.SELECT) {
      prepared.destroySync();
      throw refusedStatement(sql);
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
    const known = this.#passed.get(sql);
    if (known) return { facts: known, extracted: await connection.extractStatements(sql) };
    const tree = await serialize(connection, sql);
    if (!('error' in tree) && tree.statements.length === 0) {
      throw new QueryRefusedError(
        'This cell has no SQL statement.',
        'Write one SELECT (or FROM ...) query.',
      );
    }
    // Parse errors surface here, with DuckDB's own message and position.
    const extracted = await connection.extractStatements(sql);
    if (extracted.count > 1) {
      throw new QueryRefusedError(
        `Only one read-only statement is allowed per cell; this cell has ${extracted.count}.`,
        `Split it into ${extracted.count} cells. (A PIVOT without an IN list also counts as two: list its values with ON column IN (...).)`,
      );
    }
    if ('error' in tree || tree.statements.length !== 1) throw refusedStatement(sql);

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
    if (this.#passed.size >= 1000) this.#passed.clear();
    this.#passed.set(sql, facts);
    return { facts, extracted };
  }
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

const READ_ONLY_HINT =
  'Write a single SELECT (or FROM ...) query. Data comes in through connections and the imports folder, not from cells.';

/**
 * What a refused statement does, for the message only: the parser has already decided it is not
 * a SELECT, and its first keyword just names it for the user.
 */
const EFFECTS: Record<string, string> = {
  INSERT: 'changes data',
  UPDATE: 'changes data',
  DELETE: 'changes data',
  MERGE: 'changes data',
  TRUNCATE: 'changes data',
  CREATE: 'changes the schema',
  DROP: 'changes the schema',
  ALTER: 'changes the schema',
  COMMENT: 'changes the schema',
  COPY: 'copies data to or from files',
  EXPORT: 'writes the database to files',
  IMPORT: 'reads a database from files',
  ATTACH: 'attaches another database',
  DETACH: 'detaches a database',
  USE: 'switches databases',
  INSTALL: 'installs or loads an extension',
  LOAD: 'installs or loads an extension',
  FORCE: 'installs or loads an extension',
  UPDATE_EXTENSIONS: 'updates extensions',
  CALL: 'calls a procedure',
  CHECKPOINT: 'writes the database file',
  FORCE_CHECKPOINT: 'writes the database file',
  BEGIN: 'controls transactions',
  START: 'controls transactions',
  COMMIT: 'controls transactions',
  END: 'controls transactions',
  ROLLBACK: 'controls transactions',
  ABORT: 'controls transactions',
  PRAGMA: 'runs a pragma',
  VACUUM: 'maintains the database',
  ANALYZE: 'maintains the database',
  EXPLAIN: 'explains a plan',
  PREPARE: 'prepares a statement',
  EXECUTE: 'executes a prepared statement',
  DEALLOCATE: 'drops a prepared statement',
};

function refusedStatement(sql: string): QueryRefusedError {
  const keyword = leadingKeyword(sql);
  if (keyword === 'SET' || keyword === 'RESET') {
    return new QueryRefusedError(
      'Settings are fixed for the workspace: cells cannot SET or RESET them.',
      'Remove the statement; the workspace owner configures limits.',
    );
  }
  if (keyword === 'PIVOT' || keyword === 'UNPIVOT') {
    return new QueryRefusedError(
      `A ${keyword} statement cannot be checked, so it is not allowed in cells.`,
      `Write it inside a SELECT: SELECT * FROM (${keyword} ...).`,
    );
  }
  const effect = keyword === undefined ? undefined : EFFECTS[keyword];
  if (!effect)
    return new QueryRefusedError(
      'Cells may only read data, and this statement is not a query.',
      READ_ONLY_HINT,
    );
  const name =
    keyword === 'INSTALL' || keyword === 'LOAD' || keyword === 'FORCE'
      ? 'INSTALL/LOAD'
      : keyword!.replaceAll('_', ' ');
  return new QueryRefusedError(
    `Cells may only read data, and this ${name} statement ${effect}.`,
    READ_ONLY_HINT,
  );
}

/** The first word of the SQL after comments and parentheses, upper-cased (naming only). */
function leadingKeyword(sql: string): string | undefined {
  const text = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
  const word = /^[A-Za-z_]+/.exec(text)?.[0].toUpperCase();
  if (word === 'FORCE' && /^FORCE\s+CHECKPOINT\b/i.test(text)) return 'FORCE_CHECKPOINT';
  if (word === 'UPDATE' && /^UPDATE\s+EXTENSIONS\b/i.test(text)) return 'UPDATE_EXTENSIONS';
  return word;
}

async function isTableMacro(connection: DuckDBConnection, call: FunctionCall): Promise<boolean> {
  // Table macros are created by trusted code (the model's KPI macros); user SQL cannot create any.
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal AND lower(function_name) = lower($name)`,
    { name: call.name },
  );
  return Number(reader.getRows()[0]?.[0]) > 0;
}
