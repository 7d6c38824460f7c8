/**
 * The `files` capability for plugin tests: the host's own DuckDB reader over a folder, on an
 * in-memory warehouse, so a plugin's tests see exactly the types a real sync would.
 */
import { Warehouse } from '../engine/index.ts';
import type { ImportFiles } from '../spec/index.ts';
import { createImportFiles } from '../sync/files.ts';

export { createImportFiles };

export interface OpenedImportFiles {
  files: ImportFiles;
  close(): Promise<void>;
}

/**
 * @example const { files, close } = await openImportFiles(importsDir); ... await close();
 */
export async function openImportFiles(importsDir: string): Promise<OpenedImportFiles> {
  const warehouse = await Warehouse.open({ path: ':memory:', importsDir, threads: 2 });
  return { files: createImportFiles(warehouse, importsDir), close: () => warehouse.close() };
}
