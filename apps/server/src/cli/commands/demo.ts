import { rm } from 'node:fs/promises';
import { buildDemoWorkspace } from '@baton/core/model';
import {
  openWorkspace,
  workspaceExists,
  workspacePaths,
  writeWorkspaceConfig,
} from '@baton/core/store';
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

/** Builds the demo into `dir`, replacing any database there. Shared with `baton start`. */
export async function buildDemo(
  dir: string,
  { seed, end }: { seed: number; end: string },
  io: CliIO,
): Promise<void> {
  const paths = workspacePaths(dir);
  if (workspaceExists(dir)) {
    await rm(paths.database, { force: true });
    await rm(`${paths.database}.wal`, { force: true });
  }
  const progress = createProgress(io);
  const { warehouse } = await openWorkspace(dir, { create: true });
  try {
    await buildDemoWorkspace(warehouse, { seed, end, onProgress: progress.update });
  } finally {
    await warehouse.close();
  }
  await writeWorkspaceConfig(dir, {
    name: 'Maison Lumière (demo)',
    reportingCurrency: 'EUR',
    locale: 'en',
  });
  progress.done(`Demo workspace ready in ${paths.dir} (seed ${seed}, data up to ${end})`);
}

function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
