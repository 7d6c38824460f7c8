/**
 * A sync in its own process, for the resume test: `node --import tsx child.ts <workspace> <delayMs>`.
 * Opens the workspace, (re)writes the `main` connection of the slow test connector, syncs, exits.
 */
import { openWorkspace } from '../../src/store/index.ts';
import { SyncHost } from '../../src/sync/index.ts';
import type { Connector } from '../../src/spec/index.ts';
import { testAds } from './connector.ts';

const [dir, delay] = process.argv.slice(2);
if (!dir) throw new Error('usage: child.ts <workspace> <delayMs>');
const { warehouse } = await openWorkspace(dir, { create: true });
const host = await SyncHost.open({
  workspaceDir: dir,
  warehouse,
  connectors: [testAds as Connector],
  reportingCurrency: 'EUR',
  secretKey: Buffer.alloc(32, 3).toString('base64'),
  now: () => new Date('2026-03-10T12:00:00Z'),
  chunkDays: 3,
});
await host.addConnection({
  name: 'main',
  plugin: 'test-ads',
  config: { apiKey: 'sk-child-process', campaigns: 50, delayMs: Number(delay ?? 0) },
});
const records = await host.sync();
await host.close();
await warehouse.close();
process.stdout.write(
  `${JSON.stringify(records.map((record) => [record.stream, record.status, record.rows]))}\n`,
);
