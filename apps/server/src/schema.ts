import { parseNotebook } from '@baton/core/notebook';
import type { ResultColumn, SchemaTable, SchemaView } from './api-types.ts';
import type { Workbench } from './workbench.ts';

// Trusted catalog look-ups: user SQL may not call duckdb_*() functions. The database's own
// relations only: not the temp catalog, not the cell cache, not Baton's bookkeeping schema.
const RELATIONS = `
  select schema_name, table_name as name, 'table' as kind from duckdb_tables()
  where database_name = current_database() and not internal and not temporary and schema_name <> '_baton'
  union all
  select schema_name, view_name, 'view' from duckdb_views()
  where database_name = current_database() and not internal and not temporary and schema_name <> '_baton'
  order by 1, 2`;
const COLUMNS = `
  select schema_name, table_name, column_name, data_type from duckdb_columns()
  where database_name = current_database() and not internal and schema_name <> '_baton'
  order by schema_name, table_name, column_index`;
const MACROS = `
  select distinct function_name from duckdb_functions()
  where database_name = current_database() and not internal and function_type in ('macro', 'table_macro')
  order by 1`;
const LOTS = 1_000_000;

/**
 * What SQL in a notebook may read, for completion in the editor: tables and views with their
 * columns, the workspace's macros (`cpa`, `roas`...), and with a notebook id the named cells of
 * its last run (columns when that run produced them).
 *
 * @example (await readSchema(workbench, 'weekly-cmo')).cells.map((cell) => cell.name)
 */
export async function readSchema(workbench: Workbench, notebook?: string): Promise<SchemaView> {
  const { warehouse } = workbench;
  const [relations, columns, macros] = await Promise.all([
    warehouse.queryTrusted(RELATIONS, { rowCap: LOTS }),
    warehouse.queryTrusted(COLUMNS, { rowCap: LOTS }),
    warehouse.queryTrusted(MACROS, { rowCap: LOTS }),
  ]);
  const byRelation = new Map<string, ResultColumn[]>();
  const [columnSchemas = [], columnTables = [], columnNames = [], columnTypes = []] = columns.data;
  columnNames.forEach((name, row) => {
    const key = `${String(columnSchemas[row])}.${String(columnTables[row])}`;
    const list = byRelation.get(key) ?? [];
    list.push({ name: String(name), type: String(columnTypes[row]) });
    byRelation.set(key, list);
  });
  const [schemas = [], names = [], kinds = []] = relations.data;
  const tables: SchemaTable[] = names.map((name, row) => ({
    schema: String(schemas[row]),
    name: String(name),
    kind: kinds[row] === 'view' ? 'view' : 'table',
    columns: byRelation.get(`${String(schemas[row])}.${String(name)}`) ?? [],
  }));
  return {
    tables,
    cells: notebook ? await namedCells(workbench, notebook) : [],
    macros: (macros.data[0] ?? []).map(String),
  };
}

/** The named cells of the notebook's last run, else of its file (no columns known then). */
async function namedCells(workbench: Workbench, notebook: string): Promise<SchemaView['cells']> {
  const run = workbench.runs.latest(notebook);
  const parsed =
    run?.parsed ?? parseNotebook((await workbench.notebooks.read(notebook)).text).notebook;
  return parsed.cells.flatMap((cell) => {
    if (cell.name === undefined) return [];
    const outcome = run?.outcomes.get(cell.id);
    const columns = outcome?.status === 'finished' ? outcome.result.columns : [];
    return [{ name: cell.name, columns: columns.map(({ name, type }) => ({ name, type })) }];
  });
}
