import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { buildDemoWorkspace } from '@baton/core/model';
import { openWorkspace, workspacePaths, writeWorkspaceConfig } from '@baton/core/store';
import { dateOption, integerOption, workspaceOption, type CliIO, type Command } from '../args.ts';
import { createProgress } from '../progress.ts';
import { workspaceDir } from '../workspace.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Build the demo workspace (a French cosmetics brand, two years of data)',
  usage: `baton demo [--workspace DIR] [--seed N] [--end YYYY-MM-DD]

  --seed   the random seed; the same seed and end date give the same data (default 42)
  --end    the last day of data (default: yesterday)
Replaces the workspace's database if one exists.`,
  options: { ...workspaceOption, seed: { type: 'string' }, end: { type: 'string' } },
  async run(args, io) {
    const seed = integerOption(args, 'seed') ?? 42;
    const end = dateOption(args, 'end') ?? yesterday();
    await buildDemo(workspaceDir(args, io), { seed, end }, io);
    return 0;
  },
};

/**
 * Builds the demo into `dir`, replacing any database there. It is built beside the old one and
 * renamed over it at the end, so a crash mid-build leaves the previous workspace intact.
 * Shared with `baton start`.
 */
export async function buildDemo(
  dir: string,
  { seed, end }: { seed: number; end: string },
  io: CliIO,
): Promise<void> {
  const paths = workspacePaths(dir);
  const building = `${paths.database}.building`;
  await removeDatabase(building);
  const progress = createProgress(io);
  const { warehouse } = await openWorkspace(dir, { create: true, path: building });
  try {
    await buildDemoWorkspace(warehouse, { seed, end, onProgress: progress.update });
  } finally {
    await warehouse.close();
  }
  await removeDatabase(paths.database);
  await rename(building, paths.database);
  // DuckDB checkpoints on close; should a log remain, it belongs with the file it logs.
  if (existsSync(`${building}.wal`)) await rename(`${building}.wal`, `${paths.database}.wal`);
  await writeWorkspaceConfig(dir, {
    name: 'Maison Lumière (demo)',
    reportingCurrency: 'EUR',
    locale: 'en',
  });
  progress.done(`Demo workspace ready in ${paths.dir} (seed ${seed}, data up to ${end})`);
}

async function removeDatabase(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}

function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
