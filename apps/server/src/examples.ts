import { constants } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example notebooks shipped with Baton (the repository's `notebooks/` folder). */
export const EXAMPLE_NOTEBOOKS_DIR = fileURLToPath(new URL('../../../notebooks/', import.meta.url));

/**
 * Copies the example notebooks into the workspace's `notebooks/` folder, each only when no file
 * of that name is there: a notebook the user edited is never replaced. Returns the files copied.
 *
 * @example await seedExampleNotebooks('demo-workspace') // ['channel-mix.md', 'next-actions.md', 'weekly-cmo.md']
 */
export async function seedExampleNotebooks(
  workspaceDir: string,
  examplesDir = EXAMPLE_NOTEBOOKS_DIR,
): Promise<string[]> {
  const target = path.join(path.resolve(workspaceDir), 'notebooks');
  await mkdir(target, { recursive: true });
  const copied: string[] = [];
  for (const name of (await readdir(examplesDir)).filter((file) => file.endsWith('.md')).sort()) {
    try {
      await copyFile(
        path.join(examplesDir, name),
        path.join(target, name),
        constants.COPYFILE_EXCL,
      );
      copied.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return copied;
}
