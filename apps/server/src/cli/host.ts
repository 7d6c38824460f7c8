import { loadWorkspaceConnectors, SyncHost } from '@baton/core/sync';
import { openWorkspace } from '@baton/core/store';
import type { Connector } from '@baton/core/spec';
import demoConnector from '@baton/plugin-demo';
import filesConnector from '@baton/plugin-files';

/** The plugins every workspace has; a workspace adds its own in baton.json's `plugins`. */
export const builtInConnectors: Connector[] = [filesConnector, demoConnector];

/**
 * Opens the workspace's sync host (built-in plugins plus the workspace's own), runs `work`,
 * closes. With `create`, a folder without a workspace gets an empty one.
 */
export async function withSyncHost<T>(
  dir: string,
  work: (host: SyncHost) => Promise<T>,
  { create = false } = {},
): Promise<T> {
  const { paths, config, warehouse } = await openWorkspace(dir, { create });
  try {
    const host = await SyncHost.open({
      workspaceDir: paths.dir,
      warehouse,
      connectors: await loadWorkspaceConnectors(paths.dir, builtInConnectors),
      reportingCurrency: config.reportingCurrency,
    });
    try {
      return await work(host);
    } finally {
      await host.close();
    }
  } finally {
    await warehouse.close();
  }
}
