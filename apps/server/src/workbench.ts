import { BatonError } from '@baton/core';
import { createLanguageModel, resolveAiSettings, type AiLanguageModel } from '@baton/core/ai';
import type { Warehouse } from '@baton/core/engine';
import { NotebookRunner } from '@baton/core/run';
import { NotebookStore, openWorkspace, type WorkspaceConfig } from '@baton/core/store';
import type { Connector } from '@baton/core/spec';
import { loadWorkspaceConnectors, SyncHost } from '@baton/core/sync';
import { builtInConnectors } from './cli/host.ts';
import { RunManager } from './runs.ts';
import { SyncManager } from './syncs.ts';

/** What the API routes work with: one workspace, opened once for the server's life. */
export interface Workbench {
  dir: string;
  config: WorkspaceConfig;
  warehouse: Warehouse;
  /** Shared by every run, so the result cache serves the editor, the reader and the export. */
  runner: NotebookRunner;
  notebooks: NotebookStore;
  /** The runs of this server's life, the last 50 kept. */
  runs: RunManager;
  sync: SyncHost;
  /** The syncs started from the web app, followed over SSE. */
  syncs: SyncManager;
  /** The clock that relative dates (`last_7_days`) are read against. */
  now: () => Date;
  close(): Promise<void>;
}

/** How routes reach the workbench; throws when the server was started without one. */
export type Services = () => Workbench;

export interface OpenWorkbenchOptions {
  /** Default: the system clock. Tests pin it to the demo's last day. */
  now?: () => Date;
  /** Connectors beside the built-in ones and the workspace's plugins (tests add fakes here). */
  connectors?: Connector[];
}

/**
 * Opens a workspace for the server: its warehouse, one notebook runner, the notebook store and
 * the sync host (built-in plugins plus the workspace's own). `close()` releases all of them.
 *
 * @example
 * const workbench = await openWorkbench('demo-workspace');
 * const app = createApp({ workspace: { dir: workbench.dir, name: workbench.config.name }, workbench });
 * // ... serve, then:
 * await workbench.close();
 */
export async function openWorkbench(
  dir: string,
  { now = () => new Date(), connectors = [] }: OpenWorkbenchOptions = {},
): Promise<Workbench> {
  // Room for several runs at once (each pins a connection) beside syncs and catalog reads.
  const { paths, config, warehouse } = await openWorkspace(dir, { connections: 8 });
  try {
    const sync = await SyncHost.open({
      workspaceDir: paths.dir,
      warehouse,
      connectors: await loadWorkspaceConnectors(paths.dir, [...builtInConnectors, ...connectors]),
      reportingCurrency: config.reportingCurrency,
    });
    let closing: Promise<void> | undefined;
    // A configured AI provider drafts ask cells; none (or a bad setting): the built-in engine.
    const model = await configuredModel(paths.dir);
    const runner = new NotebookRunner(warehouse, {
      now,
      ...(config.calendar ? { calendar: config.calendar } : {}),
      ...(model ? { model } : {}),
    });
    const runs = new RunManager(runner, { now });
    const syncs = new SyncManager(sync);
    return {
      dir: paths.dir,
      config,
      warehouse,
      runner,
      notebooks: new NotebookStore(paths.dir),
      runs,
      sync,
      syncs,
      now,
      close() {
        closing ??= (async () => {
          try {
            await runs.settle();
            await syncs.settle();
            await sync.close();
          } finally {
            await warehouse.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await warehouse.close();
    throw error;
  }
}

/** The `Services` of an app started without a workbench: every workspace route says so. */
export function noWorkbench(): never {
  throw new BatonError(
    'unavailable',
    'This server was started without a workspace, so it has no notebooks, runs or connections.',
    'Start it with `baton serve --workspace DIR` (or `baton start`).',
  );
}

async function configuredModel(workspaceDir: string): Promise<AiLanguageModel | undefined> {
  try {
    const settings = await resolveAiSettings({ workspaceDir });
    return settings ? createLanguageModel(settings) : undefined;
  } catch (error) {
    console.warn(
      `baton: the AI provider settings are not usable, so the built-in engine answers: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
