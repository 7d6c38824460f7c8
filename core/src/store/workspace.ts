import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Warehouse } from '../engine/index.ts';
import type { WarehouseOptions } from '../engine/types.ts';
import { BatonError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';

/**
 * A workspace is a folder: the analyst DuckDB file, the `imports/` folder that user SQL may read,
 * and `baton.json` (name, reporting currency). Notebooks live wherever the user keeps them.
 */
export interface WorkspaceConfig {
  name: string;
  /** ISO 4217 code every money column of the model is converted to. */
  reportingCurrency: string;
  /** Locale for reports: `en` or `fr`. */
  locale: 'en' | 'fr';
  /** Connector modules of this workspace, beside the built-in ones (paths or package names). */
  plugins?: string[];
}

export interface WorkspacePaths {
  dir: string;
  database: string;
  imports: string;
  config: string;
}

export function workspacePaths(dir: string): WorkspacePaths {
  const root = path.resolve(dir);
  return {
    dir: root,
    database: path.join(root, 'baton.duckdb'),
    imports: path.join(root, 'imports'),
    config: path.join(root, 'baton.json'),
  };
}

/** True when the folder holds a workspace (its database file exists). */
export function workspaceExists(dir: string): boolean {
  return existsSync(workspacePaths(dir).database);
}

export async function readWorkspaceConfig(dir: string): Promise<WorkspaceConfig> {
  const { config } = workspacePaths(dir);
  const defaults: WorkspaceConfig = {
    name: path.basename(path.resolve(dir)),
    reportingCurrency: 'EUR',
    locale: 'en',
  };
  if (!existsSync(config)) return defaults;
  try {
    return {
      ...defaults,
      ...(JSON.parse(await readFile(config, 'utf8')) as Partial<WorkspaceConfig>),
    };
  } catch (error) {
    throw new BatonError(
      'config',
      `${config} is not valid JSON: ${(error as Error).message}`,
      'Fix or delete the file.',
      { cause: error },
    );
  }
}

export async function writeWorkspaceConfig(dir: string, config: WorkspaceConfig): Promise<void> {
  await writeFileAtomic(workspacePaths(dir).config, `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Opens (creating if needed) the workspace's hardened warehouse.
 * @param create when false, a folder without a database is an error that says how to make one.
 */
export async function openWorkspace(
  dir: string,
  { create = false, ...options }: { create?: boolean } & Partial<WarehouseOptions> = {},
): Promise<{ paths: WorkspacePaths; config: WorkspaceConfig; warehouse: Warehouse }> {
  const paths = workspacePaths(dir);
  if (!create && !existsSync(paths.database)) {
    throw new BatonError(
      'config',
      `No workspace at ${paths.dir}.`,
      'Build the demo workspace with `baton demo`, or pass --workspace DIR (or set BATON_WORKSPACE).',
    );
  }
  await mkdir(paths.imports, { recursive: true });
  const warehouse = await Warehouse.open({
    path: paths.database,
    importsDir: paths.imports,
    ...options,
  });
  return { paths, config: await readWorkspaceConfig(dir), warehouse };
}
