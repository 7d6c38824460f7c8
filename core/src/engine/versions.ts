/**
 * Data versions: what the notebook runner folds into a cell's cache key so that a cached result
 * is used only while the data behind it is unchanged. A base table's version is a fresh UUID on
 * every `ingest` or `bumpDataVersion`, kept in `_baton.table_versions`; a view stands for the
 * tables it reads (found with DuckDB's parser, recursively) plus its own definition.
 */
import { createHash } from 'node:crypto';
import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { parseSerialized, relationText, selectFacts, type RelationName } from './ast.ts';
import { CatalogListing, splitName, versionKey, type Relation } from './names.ts';

/** Gives the base table a new version (call it inside the transaction that changed the data). */
export async function bumpVersion(connection: DuckDBConnection, key: string): Promise<void> {
  await connection.run(
    `INSERT INTO _baton.table_versions VALUES ($key, uuid()::VARCHAR, now())
     ON CONFLICT (table_name) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
    { key },
  );
}

/**
 * One string for the current state of the base tables behind `names`. It also changes when a
 * view is redefined, a table is re-created or its row count moves without a bump (a write that
 * did not go through `ingest`), so a stale cache entry is never served for those either.
 */
export async function combinedVersion(
  connection: DuckDBConnection,
  names: readonly string[],
): Promise<string> {
  const listing = await CatalogListing.load(connection);
  const parts: string[] = [];
  const tables = new Map<string, Relation>();
  const seen = new Set<string>();

  const visit = async (written: RelationName, context?: Relation): Promise<void> => {
    const relation = listing.resolve(written, context);
    if (!relation) {
      parts.push(`missing:${relationText(written).toLowerCase()}`);
      return;
    }
    const key = versionKey(relation, listing.defaultCatalog);
    if (seen.has(key)) return;
    seen.add(key);
    if (relation.kind === 'table') {
      tables.set(key, relation);
      return;
    }
    parts.push(`view:${key}:${digest(relation.sql)}`);
    for (const inner of await viewReads(connection, relation.sql)) await visit(inner, relation);
  };
  for (const name of names) await visit(splitName(name));

  const keys = [...tables.keys()];
  const stored = new Map<string, string>();
  if (keys.length > 0) {
    const reader = await connection.runAndReadAll(
      'SELECT table_name, version FROM _baton.table_versions WHERE list_contains($keys, table_name)',
      { keys: listValue(keys) },
      { keys: LIST(VARCHAR) },
    );
    for (const [key, version] of reader.getRows()) stored.set(String(key), String(version));
  }
  for (const [key, table] of tables) {
    parts.push(
      `table:${key}:${stored.get(key) ?? 'unversioned'}:${table.estimatedRows}:${digest(table.sql)}`,
    );
  }
  return digest(parts.sort().join('\n'));
}

/**
 * The relations a view reads. DuckDB keeps a view as `CREATE VIEW name [(aliases)] AS <select>;`
 * and serializes only SELECTs, so the body starts after the first ` AS ` whose remainder parses
 * as one SELECT.
 */
async function viewReads(connection: DuckDBConnection, createSql: string): Promise<RelationName[]> {
  for (const match of createSql.matchAll(/\sAS\s/gi)) {
    const body = createSql.slice(match.index + match[0].length).replace(/;\s*$/, '');
    const reader = await connection.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR)', {
      sql: body,
    });
    const tree = parseSerialized(String(reader.getRows()[0]?.[0]));
    if ('statements' in tree && tree.statements.length === 1)
      return selectFacts(tree.statements).relations;
  }
  return [];
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
