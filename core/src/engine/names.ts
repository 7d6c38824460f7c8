/**
 * Table and view names: splitting `raw."Campaign days"` into parts, quoting them back, and
 * resolving a name the way DuckDB does (temp first, then the workspace database; `a.b` is a
 * schema in the search path or a catalog's `main`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RelationName } from './ast.ts';

/** A resolved table or view. */
export interface Relation {
  catalog: string;
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** The CREATE statement DuckDB keeps for it. */
  sql: string;
  /** DuckDB's row estimate for a table (0 for a view). */
  estimatedRows: number;
}

/** Quotes an identifier for DuckDB: `"x"` with inner quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteRelation(relation: Pick<Relation, 'catalog' | 'schema' | 'name'>): string {
  return [relation.catalog, relation.schema, relation.name].map(quoteIdentifier).join('.');
}

/** Splits a trusted qualified name (`a.b`, `"a.b"."c"`) into one to three parts. */
export function splitName(qualified: string): RelationName {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < qualified.length; i++) {
    const char = qualified[i]!;
    if (quoted && char === '"' && qualified[i + 1] === '"') {
      current += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === '.') {
      parts.push(current);
      current = '';
    } else if (quoted || !/\s/.test(char)) {
      current += char;
    }
  }
  parts.push(current);
  if (quoted || parts.length > 3 || parts.some((part) => part === '')) {
    throw new Error(
      `"${qualified}" is not a table name (expected name, schema.name or catalog.schema.name).`,
    );
  }
  const [name, schema = '', catalog = ''] = parts.reverse() as [string, string?, string?];
  return { catalog, schema, name };
}

/** The catalog's tables and views, with the database that unqualified names resolve in. */
export class CatalogListing {
  private constructor(
    readonly relations: Relation[],
    readonly defaultCatalog: string,
  ) {}

  static async load(connection: DuckDBConnection): Promise<CatalogListing> {
    const reader = await connection.runAndReadAll(`
      SELECT database_name, schema_name, table_name, 'table', sql, estimated_size FROM duckdb_tables()
      UNION ALL
      SELECT database_name, schema_name, view_name, 'view', sql, 0 FROM duckdb_views() WHERE NOT internal
      UNION ALL
      SELECT current_database(), '', '', 'default', '', 0`);
    const rows = reader.getRows() as [string, string, string, string, string | null, bigint][];
    const relations: Relation[] = [];
    let defaultCatalog = '';
    for (const [catalog, schema, name, kind, sql, estimatedRows] of rows) {
      if (kind === 'default') defaultCatalog = catalog;
      else
        relations.push({
          catalog,
          schema,
          name,
          kind: kind as Relation['kind'],
          sql: sql ?? '',
          estimatedRows: Number(estimatedRows),
        });
    }
    return new CatalogListing(relations, defaultCatalog);
  }

  /**
   * Resolves a name as DuckDB would from `context` (a view's own catalog and schema come first
   * for the names inside it). Undefined when nothing matches.
   */
  resolve(
    written: RelationName,
    context?: { catalog: string; schema: string },
  ): Relation | undefined {
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const find = (catalog: string, schema: string) =>
      this.relations.find(
        (r) => same(r.catalog, catalog) && same(r.schema, schema) && same(r.name, written.name),
      );
    const searchCatalogs = ['temp', ...(context ? [context.catalog] : []), this.defaultCatalog];
    if (written.catalog) return find(written.catalog, written.schema || 'main');
    if (written.schema) {
      for (const catalog of searchCatalogs) {
        const found = find(catalog, written.schema);
        if (found) return found;
      }
      return find(written.schema, 'main');
    }
    const searchPath = [
      ['temp', 'main'],
      ...(context ? [[context.catalog, context.schema]] : []),
      [this.defaultCatalog, 'main'],
    ];
    for (const [catalog, schema] of searchPath) {
      const found = find(catalog!, schema!);
      if (found) return found;
    }
    return undefined;
  }
}

/** The key a base table's data version is stored under: `schema.name` in the workspace database. */
export function versionKey(
  relation: Pick<Relation, 'catalog' | 'schema' | 'name'>,
  defaultCatalog: string,
): string {
  const parts =
    relation.catalog.toLowerCase() === defaultCatalog.toLowerCase()
      ? [relation.schema, relation.name]
      : [relation.catalog, relation.schema, relation.name];
  return parts.join('.').toLowerCase();
}
