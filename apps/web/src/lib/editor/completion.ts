/**
 * SQL completion as pure functions of the schema (GET /api/schema), the notebook's cell names
 * and the text before the cursor. The Monaco adapter (monaco.ts) only maps these items to
 * Monaco's shapes.
 */
import type { ResultColumn, SchemaView } from '@baton/server';

export type CompletionKind = 'table' | 'view' | 'cell' | 'column' | 'macro' | 'keyword';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Where it comes from or its type, e.g. `VARCHAR · campaign_daily`. */
  detail: string;
  insertText: string;
  /** Lower sorts first. */
  sortText: string;
}

/** Everything completion knows besides the text. */
export interface CompletionSources {
  schema: SchemaView;
  /** Cell names of this notebook (from the editor's text, so new cells complete before a run). */
  cellNames: readonly string[];
}

const KEYWORDS = [
  'select',
  'from',
  'where',
  'group by all',
  'group by',
  'order by',
  'having',
  'qualify',
  'limit',
  'join',
  'left join',
  'inner join',
  'asof join',
  'on',
  'using',
  'as',
  'with',
  'union all',
  'case',
  'when',
  'then',
  'else',
  'end',
  'and',
  'or',
  'not',
  'in',
  'between',
  'is null',
  'distinct',
  'over',
  'partition by',
  'pivot',
  'unpivot',
  'exclude',
  'replace',
  'columns',
  'sample',
  'nullif',
  'coalesce',
  'date_trunc',
  'strftime',
  'sum',
  'count',
  'avg',
  'min',
  'max',
];

/** Tables and cells a statement reads, with their aliases: `from campaign_daily d` gives d. */
export function tableAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const reserved = new Set([
    'where',
    'group',
    'order',
    'having',
    'qualify',
    'limit',
    'join',
    'left',
    'right',
    'inner',
    'outer',
    'full',
    'cross',
    'asof',
    'on',
    'using',
    'union',
    'window',
    'natural',
    'positional',
    'lateral',
    'select',
    'pivot',
    'unpivot',
    'sample',
    'tablesample',
    'as',
    'except',
    'intersect',
  ]);
  const pattern =
    /\b(?:from|join)\s+((?:"[^"]+"|[a-z_][\w$]*)(?:\.(?:"[^"]+"|[a-z_][\w$]*))?)(?:\s+(?:as\s+)?([a-z_][\w$]*))?/gi;
  for (const match of text.matchAll(pattern)) {
    const table = match[1]!.replace(/"/g, '');
    const bare = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
    aliases.set(bare.toLowerCase(), bare);
    if (table !== bare) aliases.set(table.toLowerCase(), bare);
    const alias = match[2];
    if (alias && !reserved.has(alias.toLowerCase())) aliases.set(alias.toLowerCase(), bare);
  }
  return aliases;
}

/** The columns of a table, view or cell by its (unqualified) name. */
export function columnsOf(sources: CompletionSources, name: string): ResultColumn[] | undefined {
  const lower = name.toLowerCase();
  const cell = sources.schema.cells.find((candidate) => candidate.name.toLowerCase() === lower);
  if (cell) return cell.columns;
  return sources.schema.tables.find((table) => table.name.toLowerCase() === lower)?.columns;
}

/** The `qualifier.` right before the cursor, if the cursor follows one. */
export function qualifierBefore(textBeforeCursor: string): string | undefined {
  const match = /((?:"[^"]+"|[A-Za-z_][\w$]*))\.(?:[A-Za-z_][\w$]*)?$/.exec(textBeforeCursor);
  return match ? match[1]!.replace(/"/g, '') : undefined;
}

function columnItems(
  columns: readonly ResultColumn[],
  source: string,
  sort: string,
): CompletionItem[] {
  return columns.map((column) => ({
    label: column.name,
    kind: 'column',
    detail: `${column.type} · ${source}`,
    insertText: /^[a-z_][a-z0-9_]*$/.test(column.name) ? column.name : `"${column.name}"`,
    sortText: `${sort}${column.name}`,
  }));
}

/**
 * The completion items at the cursor. After `x.`: the columns of table, cell or alias `x`
 * (nothing else). Otherwise: the columns of what the statement reads, cells, tables, macros,
 * keywords.
 */
export function completionItems(
  sources: CompletionSources,
  textBeforeCursor: string,
  fullText: string,
): CompletionItem[] {
  const aliases = tableAliases(fullText);
  const qualifier = qualifierBefore(textBeforeCursor);
  if (qualifier !== undefined) {
    const target = aliases.get(qualifier.toLowerCase()) ?? qualifier;
    const columns = columnsOf(sources, target);
    if (columns) return columnItems(columns, target, '0');
    // `main.` or a schema name: the tables of that schema.
    return sources.schema.tables
      .filter((table) => table.schema.toLowerCase() === qualifier.toLowerCase())
      .map((table) => ({
        label: table.name,
        kind: table.kind,
        detail: `${table.kind} · ${table.columns.length} columns`,
        insertText: table.name,
        sortText: `0${table.name}`,
      }));
  }
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const table of new Set(aliases.values())) {
    const columns = columnsOf(sources, table);
    if (!columns) continue;
    for (const item of columnItems(columns, table, '0')) {
      if (seen.has(`column:${item.label}`)) continue;
      seen.add(`column:${item.label}`);
      items.push(item);
    }
  }
  const cellColumns = new Map(sources.schema.cells.map((cell) => [cell.name, cell.columns]));
  for (const name of sources.cellNames) {
    const columns = cellColumns.get(name);
    items.push({
      label: name,
      kind: 'cell',
      detail: columns ? `cell · ${columns.length} columns` : 'cell of this notebook',
      insertText: name,
      sortText: `1${name}`,
    });
  }
  for (const table of sources.schema.tables) {
    // The model's views live in `main`; raw tables elsewhere are offered by their full name,
    // so `campaign_daily` (the view) and `raw_demo.campaign_daily` read as two things.
    const inMain = table.schema.toLowerCase() === 'main';
    const name = inMain ? table.name : `${table.schema}.${table.name}`;
    if (sources.cellNames.includes(name)) continue;
    items.push({
      label: name,
      kind: table.kind,
      detail: `${table.kind} · ${table.columns.length} columns`,
      insertText: name,
      sortText: `${inMain ? 2 : 3}${name}`,
    });
  }
  for (const macro of sources.schema.macros) {
    items.push({
      label: macro,
      kind: 'macro',
      detail: 'KPI macro',
      insertText: `${macro}(`,
      sortText: `3${macro}`,
    });
  }
  for (const keyword of KEYWORDS) {
    items.push({
      label: keyword,
      kind: 'keyword',
      detail: 'keyword',
      insertText: keyword,
      sortText: `4${keyword}`,
    });
  }
  return items;
}
