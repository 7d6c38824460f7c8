import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import {
  openWorkspace,
  readWorkspaceConfig,
  workspacePaths,
  writeWorkspaceConfig,
} from '@baton/core/store';
import { SyncHost } from '@baton/core/sync';
import {
  dateOption,
  integerOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
} from '../args.ts';
import { seedExampleNotebooks } from '../../examples.ts';
import { builtInConnectors } from '../host.ts';
import { createProgress } from '../progress.ts';
import { workspaceDir } from '../workspace.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Build the demo workspace (a French cosmetics brand, two years of data)',
  usage: `baton demo [--workspace DIR] [--seed N] [--end YYYY-MM-DD]

  --seed   the random seed; the same seed and end date give the same data (default 42)
  --end    the last day of data (default: yesterday)
Replaces a demo workspace in DIR; refuses a workspace that has other connections.`,
  options: { ...workspaceOption, seed: { type: 'string' }, end: { type: 'string' } },
  async run(args, io) {
    const seed = integerOption(args, 'seed') ?? 42;
    const end = dateOption(args, 'end') ?? yesterday();
    await buildDemo(workspaceDir(args, io), { seed, end }, io);
    return 0;
  },
};

/**
 * Builds the demo workspace through the same path as real data: a `demo` connection synced by
 * the sync host. The database is built beside the old one and renamed over it at the end, so
 * a crash mid-build leaves no half-built workspace behind. The example notebooks are copied in
 * (never over the user's own). Shared with `baton start`.
 */
export async function buildDemo(
  dir: string,
  { seed, end }: { seed: number; end: string },
  io: CliIO,
): Promise<void> {
  const paths = workspacePaths(dir);
  await clearDemoState(dir);
  const building = `${paths.database}.building`;
  await removeFiles(building, `${building}.wal`);
  const progress = createProgress(io);
  const { warehouse } = await openWorkspace(dir, { create: true, path: building });
  try {
    const host = await SyncHost.open({
      workspaceDir: paths.dir,
      warehouse,
      connectors: builtInConnectors,
      reportingCurrency: 'EUR',
    });
    try {
      await host.addConnection({ name: 'demo', plugin: 'demo', config: { seed, end } });
      const records = await host.sync({
        connection: 'demo',
        onEvent: (event) => {
          if (event.type === 'stream-progress') {
            progress.update({ step: event.stream, done: event.rows });
          }
        },
      });
      const failed = records.find((record) => record.status !== 'succeeded');
      if (failed) {
        throw new UsageError(
          `The demo could not be built: ${failed.stream} failed (${failed.errorKind}): ${failed.errorMessage}`,
        );
      }
    } finally {
      await host.close();
    }
  } finally {
    await warehouse.close();
  }
  await removeFiles(paths.database, `${paths.database}.wal`);
  await rename(building, paths.database);
  // DuckDB checkpoints on close; should a log remain, it belongs with the file it logs.
  if (existsSync(`${building}.wal`)) await rename(`${building}.wal`, `${paths.database}.wal`);
  await writeWorkspaceConfig(dir, {
    ...(await readWorkspaceConfig(dir)),
    name: 'Maison Lumière (demo)',
    reportingCurrency: 'EUR',
  });
  await seedExampleNotebooks(dir);
  progress.done(`Demo workspace ready in ${paths.dir} (seed ${seed}, data up to ${end})`);
}

/**
 * Forgets the previous demo's cursors and runs, so the new build reads everything. A workspace
 * with other connections is refused: replacing its database would lose their data.
 */
async function clearDemoState(dir: string): Promise<void> {
  const paths = workspacePaths(dir);
  const metadata = `${paths.dir}/meta.sqlite`;
  if (!existsSync(metadata)) return;
  if (existsSync(paths.database)) {
    const { warehouse } = await openWorkspace(dir);
    try {
      const host = await SyncHost.open({
        workspaceDir: paths.dir,
        warehouse,
        connectors: builtInConnectors,
      });
      const others = (await host.listConnections()).filter(
        (connection) => connection.plugin !== 'demo',
      );
      await host.close();
      if (others.length > 0) {
        throw new UsageError(
          `${paths.dir} holds a workspace with connections (${others.map((connection) => connection.name).join(', ')}): building the demo there would replace their data.`,
          'Build the demo in another folder: baton demo --workspace demo-workspace',
        );
      }
    } finally {
      await warehouse.close();
    }
  }
  await removeFiles(metadata, `${metadata}-wal`, `${metadata}-shm`);
}

async function removeFiles(...files: string[]): Promise<void> {
  for (const file of files) await rm(file, { force: true });
}

function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
