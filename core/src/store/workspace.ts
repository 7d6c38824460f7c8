import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Warehouse } from '../engine/index.ts';
import type { WarehouseOptions } from '../engine/types.ts';
import type { RetailMarket, WorkspaceCalendar } from '../checks/cell-events.ts';
import { BatonError } from '../errors.ts';
import { isPlainObject } from '../notebook/front-matter.ts';
import { readEvent } from '../notebook/specs.ts';
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
  /** The markets whose retail events the checks know, and the team's own dates. */
  calendar?: WorkspaceCalendar;
  /**
   * The AI provider of AI cells (docs/ai-models.md), checked by `resolveAiSettings`. Its API key
   * is never here: it is kept encrypted in the workspace's metadata store.
   */
  ai?: WorkspaceAiConfig;
}

/** baton.json's `ai` section: `{ "provider": "openai", "model": "gpt-5-mini" }`. */
export interface WorkspaceAiConfig {
  /** `openai`, `anthropic` or `openai-compatible`. */
  provider: string;
  model?: string;
  /** The server of an OpenAI-compatible provider (Ollama, vLLM, LM Studio), or a proxy. */
  base_url?: string;
}

const MARKETS: readonly RetailMarket[] = ['FR', 'UK', 'US'];

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
  let read: Partial<WorkspaceConfig>;
  try {
    read = JSON.parse(await readFile(config, 'utf8')) as Partial<WorkspaceConfig>;
  } catch (error) {
    throw new BatonError(
      'config',
      `${config} is not valid JSON: ${(error as Error).message}`,
      'Fix or delete the file.',
      { cause: error },
    );
  }
  return { ...defaults, ...read, ...readCalendar(read.calendar, config) };
}

/** `calendar` of baton.json, checked: a wrong market or date names itself and its fix. */
function readCalendar(value: unknown, file: string): { calendar?: WorkspaceCalendar } {
  if (value === undefined) return {};
  const refuse = (what: string) =>
    new BatonError(
      'config',
      `${file}: ${what}`,
      'Write "calendar": { "markets": ["FR", "UK", "US"], "events": ["2026-04-01", "2026-03-10..2026-03-24 TV flight", { "name": "Launch", "start": "2026-05-02", "end": "2026-05-09" }] }.',
    );
  if (!isPlainObject(value)) throw refuse('"calendar" must be an object.');
  const { markets, events } = value;
  if (
    markets !== undefined &&
    !(Array.isArray(markets) && markets.every((market) => MARKETS.includes(market)))
  ) {
    throw refuse(`"calendar.markets" must list markets among ${MARKETS.join(', ')}.`);
  }
  if (events !== undefined && !Array.isArray(events)) {
    throw refuse('"calendar.events" must be a list.');
  }
  const read = (events ?? []).map((item: unknown, index: number) => {
    const event = readEvent(item);
    if (!event)
      throw refuse(
        `"calendar.events" item ${index + 1} (${JSON.stringify(item)}) is not a day, a range or a { name, start, end } event.`,
      );
    return event;
  });
  return {
    calendar: {
      ...(markets ? { markets: markets as RetailMarket[] } : {}),
      ...(events ? { events: read } : {}),
    },
  };
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
