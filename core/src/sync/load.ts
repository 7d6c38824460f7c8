/**
 * Loading connector plugins: a module's default export (or `connector` export) is checked against
 * the v1 contract when it is loaded, so a broken plugin fails with what to fix, not mid-sync.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connector, StreamDefinition } from '../spec/index.ts';
import { workspacePaths } from '../store/index.ts';
import { SyncError } from './errors.ts';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9_]*$/;
const WRITE_MODES = ['replace-window', 'merge', 'append', 'replace'];

/**
 * Imports a plugin (a path relative to `fromDir`, or a package name resolved from it) and checks it.
 *
 * @example const connector = await loadConnectorModule('./plugins/acme/src/index.ts', workspaceDir);
 */
export async function loadConnectorModule(specifier: string, fromDir: string): Promise<Connector> {
  let url: string;
  try {
    url =
      specifier.startsWith('.') || path.isAbsolute(specifier)
        ? pathToFileURL(path.resolve(fromDir, specifier)).href
        : pathToFileURL(createRequire(path.join(fromDir, 'noop.js')).resolve(specifier)).href;
  } catch (error) {
    throw new SyncError(
      'config',
      `Plugin "${specifier}" was not found from ${fromDir}.`,
      'Install the package in the workspace, or give a path starting with ./',
      { cause: error },
    );
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new SyncError(
      'config',
      `Plugin "${specifier}" could not be loaded: ${(error as Error).message}`,
      'Fix the module, or remove it from the plugins list in baton.json.',
      { cause: error },
    );
  }
  return validateConnector(loaded.default ?? loaded.connector, specifier);
}

/** Checks a value against the v1 connector contract; throws a SyncError naming the first problem. */
export function validateConnector(value: unknown, source: string): Connector {
  const problem = connectorProblem(value);
  if (problem) {
    throw new SyncError(
      'config',
      `Plugin "${source}" is not a valid Baton connector: ${problem}.`,
      'Export `defineConnector({...})` as the default export (see the connector contract in @baton/core/spec).',
    );
  }
  return value as Connector;
}

function connectorProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'it has no default export object';
  const connector = value as Record<string, unknown>;
  if (connector.specificationVersion !== 'v1')
    return `specificationVersion is ${JSON.stringify(connector.specificationVersion)}, this Baton reads 'v1'`;
  if (typeof connector.id !== 'string' || !KEBAB.test(connector.id))
    return `id ${JSON.stringify(connector.id)} must be kebab-case (e.g. "acme-ads")`;
  for (const field of ['name', 'version', 'docsUrl'])
    if (typeof connector[field] !== 'string' || connector[field] === '')
      return `${field} must be a non-empty string`;
  const config = connector.config as { safeParse?: unknown; _zod?: unknown } | undefined;
  if (!config || typeof config.safeParse !== 'function' || !('_zod' in config))
    return 'config must be a zod (v4) schema';
  for (const method of ['check', 'read'])
    if (typeof connector[method] !== 'function') return `${method} must be a function`;
  for (const method of ['resolve', 'discover', 'timeZone'])
    if (connector[method] !== undefined && typeof connector[method] !== 'function')
      return `${method} must be a function when given`;
  if (!Array.isArray(connector.streams)) return 'streams must be an array';
  const names = new Set<string>();
  for (const stream of connector.streams as unknown[]) {
    const problem = streamProblem(stream);
    const name = (stream as { name?: unknown } | null)?.name;
    if (problem) return `stream ${JSON.stringify(name)}: ${problem}`;
    if (names.has(String(name))) return `stream "${String(name)}" is declared twice`;
    names.add(String(name));
  }
  return undefined;
}

/** What is wrong with a stream definition, if anything (also used for discovered streams). */
export function streamProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'not an object';
  const stream = value as Partial<StreamDefinition>;
  if (typeof stream.name !== 'string' || !SNAKE.test(stream.name)) return 'name must be snake_case';
  if (!Array.isArray(stream.columns) || stream.columns.length === 0)
    return 'columns must be a non-empty array';
  const columns = new Set<string>();
  for (const column of stream.columns) {
    if (!column || typeof column.name !== 'string' || !SNAKE.test(column.name))
      return `column ${JSON.stringify(column?.name)} must be snake_case`;
    if (column.name.startsWith('_baton'))
      return `column "${column.name}" uses the reserved _baton prefix`;
    if (typeof column.type !== 'string' || !/^[A-Za-z][A-Za-z0-9_ (),]*$/.test(column.type))
      return `column "${column.name}" needs a DuckDB type such as VARCHAR or DECIMAL(18,2)`;
    if (columns.has(column.name)) return `column "${column.name}" is declared twice`;
    columns.add(column.name);
  }
  if (!Array.isArray(stream.primaryKey)) return 'primaryKey must be an array of column names';
  const missing = stream.primaryKey.find((key) => !columns.has(key));
  if (missing !== undefined) return `primaryKey names "${missing}", which is not a column`;
  if (!WRITE_MODES.includes(String(stream.writeMode)))
    return `writeMode must be one of ${WRITE_MODES.join(', ')}`;
  if (stream.writeMode === 'merge' && stream.primaryKey.length === 0)
    return 'merge needs a primaryKey';
  if (stream.cursor !== undefined) {
    const { field, lookbackDays, initialDays } = stream.cursor;
    if (!columns.has(field)) return `cursor field "${field}" is not a column`;
    if (!Number.isInteger(lookbackDays) || lookbackDays < 0)
      return 'cursor.lookbackDays must be an integer >= 0';
    if (initialDays !== undefined && (!Number.isInteger(initialDays) || initialDays < 0))
      return 'cursor.initialDays must be an integer >= 0';
  } else if (stream.writeMode === 'replace-window') return 'replace-window needs a cursor';
  return undefined;
}

/**
 * The built-in connectors plus those listed in the workspace's baton.json `plugins` (paths
 * relative to the workspace, or package names). A plugin id given twice is an error.
 */
export async function loadWorkspaceConnectors(
  workspaceDir: string,
  builtIn: Connector[],
): Promise<Connector[]> {
  const { config, dir } = workspacePaths(workspaceDir);
  let plugins: unknown = [];
  if (existsSync(config)) {
    try {
      plugins = (JSON.parse(await readFile(config, 'utf8')) as { plugins?: unknown }).plugins ?? [];
    } catch (error) {
      throw new SyncError(
        'config',
        `${config} is not valid JSON: ${(error as Error).message}`,
        'Fix the file.',
        { cause: error },
      );
    }
  }
  if (!Array.isArray(plugins) || plugins.some((plugin) => typeof plugin !== 'string')) {
    throw new SyncError(
      'config',
      `"plugins" in ${config} must be a list of module paths or package names.`,
      'Write e.g. "plugins": ["./plugins/acme/src/index.ts"].',
    );
  }
  const connectors = [...builtIn];
  for (const specifier of plugins as string[]) {
    const connector = await loadConnectorModule(specifier, dir);
    if (connectors.some((known) => known.id === connector.id)) {
      throw new SyncError(
        'config',
        `Plugin "${specifier}" has id "${connector.id}", which another connector already uses.`,
        'Remove one of them from the plugins list.',
      );
    }
    connectors.push(connector);
  }
  return connectors;
}
