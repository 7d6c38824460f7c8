/**
 * Builds the demo workspace for tests and benches the way `baton demo` does: a `demo` connection
 * synced by a SyncHost, so the rows land in `raw_demo.<stream>` and the model views are refreshed.
 * Test code only: core does not import plugins.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Warehouse } from '@baton/core/engine';
import type { Connector, ModelStreamName } from '@baton/core/spec';
import { openWorkspace } from '@baton/core/store';
import { SyncHost } from '@baton/core/sync';
import demoConnector from '../../plugins/demo/src/index.ts';

export interface DemoBuildOptions {
  seed: number;
  /** The last day of data, `YYYY-MM-DD`; the host's clock is set to the day after. */
  end: string;
  /** Default `EUR`. */
  reportingCurrency?: string;
}

export interface DemoBuild {
  /** Rows written per raw stream. */
  rows: Record<ModelStreamName, number>;
}

/**
 * Syncs the demo connector into `target`: an open warehouse (the sync metadata then goes to a
 * temporary folder, removed afterwards) or a workspace folder (created if need be). Throws if a
 * stream fails.
 *
 * @example await buildDemoWorkspace(warehouse, { seed: 42, end: '2026-03-31' })
 */
export async function buildDemoWorkspace(
  target: Warehouse | string,
  { seed, end, reportingCurrency = 'EUR' }: DemoBuildOptions,
): Promise<DemoBuild> {
  if (typeof target === 'string') {
    const { paths, warehouse } = await openWorkspace(target, { create: true });
    try {
      return await syncDemo(paths.dir, warehouse, { seed, end, reportingCurrency });
    } finally {
      await warehouse.close();
    }
  }
  const metadataDir = await mkdtemp(path.join(tmpdir(), 'baton-demo-sync-'));
  try {
    return await syncDemo(metadataDir, target, { seed, end, reportingCurrency });
  } finally {
    await rm(metadataDir, { recursive: true, force: true });
  }
}

async function syncDemo(
  workspaceDir: string,
  warehouse: Warehouse,
  { seed, end, reportingCurrency }: Required<DemoBuildOptions>,
): Promise<DemoBuild> {
  // Noon UTC on the day after `end`: the connector's "yesterday" and the sync window end there.
  const now = new Date(`${end}T12:00:00Z`);
  now.setUTCDate(now.getUTCDate() + 1);
  const host = await SyncHost.open({
    workspaceDir,
    warehouse,
    connectors: [demoConnector as unknown as Connector],
    reportingCurrency,
    now: () => new Date(now),
  });
  try {
    await host.addConnection({ name: 'demo', plugin: 'demo', config: { seed, end } });
    const records = await host.sync({ connection: 'demo' });
    const failed = records.find((record) => record.status !== 'succeeded');
    if (failed) {
      throw new Error(
        `The demo could not be built: ${failed.stream} failed (${failed.errorKind}): ${failed.errorMessage}`,
      );
    }
    const rows = {} as Record<ModelStreamName, number>;
    for (const record of records) {
      const stream = record.stream as ModelStreamName;
      rows[stream] = (rows[stream] ?? 0) + record.rows;
    }
    return { rows };
  } finally {
    await host.close();
  }
}
