/** A real workspace for engine tests: a temp dir with a DuckDB file and an imports/ folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { Warehouse, type WarehouseOptions } from '../../src/engine/index.ts';

export interface TestWorkspace {
  dir: string;
  importsDir: string;
  warehouse: Warehouse;
  /** Writes a file into imports/ and returns its absolute path. */
  importFile(name: string, content: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function openWorkspace(
  options: Partial<WarehouseOptions> = {},
): Promise<TestWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-engine-'));
  const importsDir = path.join(dir, 'imports');
  const warehouse = await Warehouse.open({
    path: path.join(dir, 'workspace.duckdb'),
    importsDir,
    ...options,
  });
  const workspace: TestWorkspace = {
    dir,
    importsDir,
    warehouse,
    async importFile(name, content) {
      const file = path.join(importsDir, name);
      await writeFile(file, content);
      return file;
    },
    async dispose() {
      // The test may have reopened the warehouse: close the current one.
      await workspace.warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return workspace;
}

/** The engine still answers an ordinary query (after a refusal, a timeout, ...). */
export async function expectServes(target: Pick<Warehouse, 'query'>): Promise<void> {
  const result = await target.query('select 42 as answer');
  expect(result.data).toEqual([[42]]);
}
