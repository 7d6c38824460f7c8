/**
 * What a SELECT reads and calls, from DuckDB's own parse tree (`json_serialize_sql`), never from
 * the SQL text: a function name in a string, a comment or a quoted identifier cannot fool it.
 */

/** A relation name as written: `campaigns`, `raw.campaigns`, `db.raw.campaigns`. */
export interface RelationName {
  catalog: string;
  schema: string;
  name: string;
}

export interface FunctionCall {
  name: string;
  schema: string;
  catalog: string;
}

export interface SelectFacts {
  /** Tables and views read (CTE names left out), in order of appearance, without duplicates. */
  relations: RelationName[];
  /** Scalar, aggregate and window functions called (including macros). */
  functions: FunctionCall[];
  /** Table functions in FROM (`read_csv(...)`, `range(...)`, table macros). */
  tableFunctions: FunctionCall[];
  /** Named parameters (`$period_start` gives `period_start`), in order, without duplicates. */
  parameters: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Walks every node of a `json_serialize_sql` tree: the walk is generic (every object, every
 * array), so a function hidden in a lambda, a subquery, a CTE or a table function's argument is
 * still seen.
 */
export function selectFacts(tree: Json): SelectFacts {
  const relations: RelationName[] = [];
  const functions: FunctionCall[] = [];
  const tableFunctions: FunctionCall[] = [];
  const cteNames = new Set<string>();
  const parameters = new Set<string>();

  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'BASE_TABLE') {
      relations.push({
        catalog: text(node.catalog_name),
        schema: text(node.schema_name),
        name: text(node.table_name),
      });
    }
    if (node.type === 'TABLE_FUNCTION' && isObject(node.function)) {
      tableFunctions.push(call(node.function));
      visit(node.function.children ?? null);
      for (const [key, child] of Object.entries(node)) if (key !== 'function') visit(child);
      return;
    }
    if (typeof node.function_name === 'string') functions.push(call(node));
    if (node.class === 'PARAMETER' && typeof node.identifier === 'string')
      parameters.add(node.identifier);
    if (isObject(node.cte_map) && Array.isArray(node.cte_map.map)) {
      for (const entry of node.cte_map.map)
        if (isObject(entry)) cteNames.add(text(entry.key).toLowerCase());
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(tree);

  // A bare name that matches a CTE anywhere in the statement is that CTE, not a table.
  const seen = new Set<string>();
  const tables = relations.filter((relation) => {
    if (!relation.catalog && !relation.schema && cteNames.has(relation.name.toLowerCase()))
      return false;
    const key = relationText(relation).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { relations: tables, functions, tableFunctions, parameters: [...parameters] };
}

/**
 * `catalog.schema.name` with empty parts left out, as written; a part that is not a plain
 * identifier is double-quoted so the text splits back into the same parts.
 */
export function relationText({ catalog, schema, name }: RelationName): string {
  return [catalog, schema, name]
    .filter(Boolean)
    .map((part) =>
      /^[A-Za-z_][A-Za-z0-9_$]*$/.test(part) ? part : `"${part.replaceAll('"', '""')}"`,
    )
    .join('.');
}

function call(node: JsonObject): FunctionCall {
  return { name: text(node.function_name), schema: text(node.schema), catalog: text(node.catalog) };
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses `json_serialize_sql` output: the statements, or DuckDB's reason for not serializing. */
export function parseSerialized(serialized: string): { statements: Json[] } | { error: string } {
  const parsed = JSON.parse(serialized) as JsonObject;
  if (parsed.error === true) return { error: text(parsed.error_message) || 'unknown error' };
  return { statements: Array.isArray(parsed.statements) ? parsed.statements : [] };
}

export type { Json };
